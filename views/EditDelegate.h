#pragma once

#include <QStyledItemDelegate>

class EditSession;

/// In-place editing for every editable table: a list of the allowed words for choice columns,
/// a line edit for the rest, checked while typing with the forms' rules (FieldText: dates,
/// amounts such as "USD 1.2bn" or "12.3亿", stakes, addresses, names). A problem turns the editor's
/// frame red and shows in its tooltip; Enter then keeps the editor open instead of storing, and
/// leaving the cell drops the text and reports why (refused()).
class EditDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EditDelegate(EditSession &session, QObject *parent = nullptr);

    /// The problem with `text` for this cell in plain words, empty when it can be stored.
    QString problem(const QModelIndex &index, const QString &text) const;

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(
        QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

Q_SIGNALS:
    /// A typed value was not stored; the message says why.
    void refused(const QString &message);

protected:
    bool eventFilter(QObject *object, QEvent *event) override;

private:
    EditSession &m_session;
};
