#pragma once

#include "RowValues.h"

#include <QAbstractTableModel>

#include <optional>

class EditSession;
struct RecordChange;

/// What the tables that take typing share (Funds, Holdings and Investees, Disbursements): the
/// edit session, and flags() and setData() that parse a cell's text as the forms do (FieldText)
/// and apply it as one undoable EditSession::setField(). A subclass says which record a row
/// holds and which stored column a table column edits, and follows the session's changes.
class EditableTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Makes the editable columns editable and follows the session's record changes; nullptr
    /// makes the table read-only.
    void setEditSession(EditSession *session);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    /// An in-place edit was refused (invalid text, or the write failed); plain words.
    void editFailed(const QString &message);

protected:
    EditableTableModel(RecordKind kind, QObject *parent);

    /// The stored column a table column edits; empty when it is not editable in place.
    virtual QString editableColumn(int column) const = 0;
    /// The id of the record shown at `row`; nullopt when the row is not loaded.
    virtual std::optional<qint64> recordIdAt(int row) const = 0;
    /// The currency of the amount at `row`, for its minor digits; empty where rows have none.
    virtual QString currencyAt(int row) const;
    /// A change the session made or undid, to bring the rows up to date.
    virtual void onRecordsChanged(const RecordChange &change) = 0;

    EditSession *m_session = nullptr;

private:
    RecordKind m_kind;
};
