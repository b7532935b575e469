#pragma once

#include <QDialog>

#include <functional>

class QFormLayout;
class QLabel;
class QLineEdit;

/// What File → Export chart… and Export table… share: the file to save to, a line that shows why
/// the last save failed, Save and Cancel, and the check on accepting that the file can be written
/// (the dialog stays open when it cannot).
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    QString path() const;

    /// Shows why the last save failed (empty: hides it).
    void setProblem(const QString &problem);

    void accept() override;

protected:
    /// `missingName`: what accepting without a file name says.
    ExportDialog(
        const QString &objectName, const QString &title, const QString &missingName, QWidget *parent);

    /// The row `label` of `form`: the path, starting at `start`, beside a button (`browseText`)
    /// that asks for a file, offering `filter()` (called when clicked, for the format chosen then).
    void addPathRow(QFormLayout *form, const QString &label, const QString &start, const QString &browseText,
        const std::function<QString()> &filter);
    /// The dialog's layout: `form`, the problem line under it, then Save and Cancel.
    void finishLayout(QFormLayout *form);

    QLineEdit *m_path = nullptr; ///< created by addPathRow(), where it falls in the tab order

private:
    QString m_missingName;
    QLabel *m_problem = nullptr;
};
