#include "EditableTableModel.h"

#include "EditSession.h"
#include "FieldText.h"

EditableTableModel::EditableTableModel(RecordKind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{
}

void EditableTableModel::setEditSession(EditSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session)
        connect(m_session, &EditSession::recordsChanged, this, &EditableTableModel::onRecordsChanged);
}

QString EditableTableModel::currencyAt(int) const
{
    return {};
}

Qt::ItemFlags EditableTableModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (m_session && index.isValid() && !editableColumn(index.column()).isEmpty())
        f |= Qt::ItemIsEditable;
    return f;
}

bool EditableTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !m_session
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString column = editableColumn(index.column());
    const std::optional<qint64> id = recordIdAt(index.row());
    if (column.isEmpty() || !id)
        return false;
    QVariantMap changes;
    QString error;
    const FieldText::Context context { m_session->currencyDigits(), currencyAt(index.row()) };
    if (!FieldText::parse(m_kind, column, value.toString(), context, &changes, &error)) {
        Q_EMIT editFailed(error);
        return false;
    }
    // The session reports the change back (onRecordsChanged), which updates the row.
    if (!m_session->setField(m_kind, *id, changes)) {
        Q_EMIT editFailed(m_session->lastError());
        return false;
    }
    return true;
}
