#pragma once

#include <QList>
#include <QWizardPage>

class ImportWizard;
class QComboBox;
class QFormLayout;
class QLabel;
class QTableWidget;

/// The import wizard's mapping page: for each file, which column fills which field (mapped by
/// header name to start with), presets saved by name in QSettings for spreadsheets that come
/// back with the same headers, and a preview of the first rows as they will be read.
class ImportMappingPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportMappingPage(ImportWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    /// The combo that picks the column of a field of the file shown.
    QComboBox *fieldCombo(const QString &field) const;
    QComboBox *fileCombo() const { return m_file; }
    QTableWidget *preview() const { return m_preview; }
    /// Why the mapping of the file shown cannot be used ("column 3 ('Name') is mapped to both
    /// investee and notes"), empty when it can.
    QString problem() const;

    /// Presets: name -> { kind, field -> header text }.
    static void savePreset(const QString &name, const QString &kind, const QMap<QString, QString> &fields);
    static QStringList presetNames();

private:
    void showFile(int index);
    void fieldChanged();
    void updatePreview();
    void applyPreset(const QString &name);
    void saveCurrentPreset();

    ImportWizard *m_wizard;
    QComboBox *m_file = nullptr;
    QComboBox *m_presets = nullptr;
    QFormLayout *m_form = nullptr;
    QWidget *m_fields = nullptr;
    QList<QComboBox *> m_combos;
    QLabel *m_problem = nullptr;
    QTableWidget *m_preview = nullptr;
    int m_current = -1;
};
