#include "NameSearchModel.h"

NameSearchModel::NameSearchModel(Search search, QObject *parent)
    : QAbstractListModel(parent)
    , m_search(std::move(search))
{
}

void NameSearchModel::setText(const QString &text)
{
    beginResetModel();
    m_text = text;
    m_matches = text.trimmed().isEmpty() ? QList<NameMatch>() : m_search(text, Limit);
    endResetModel();
}

const NameMatch *NameSearchModel::exact(const QString &text) const
{
    const QString key = text.trimmed();
    for (const NameMatch &m : m_matches) {
        if (m.name.compare(key, Qt::CaseInsensitive) == 0 || (!m.nameZh.isEmpty() && m.nameZh == key))
            return &m;
    }
    return nullptr;
}

int NameSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

QVariant NameSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NameMatch &m = m_matches.at(index.row());
    switch (role) {
    case Qt::DisplayRole: {
        QString text = m.name;
        if (!m.nameZh.isEmpty())
            text += QStringLiteral("  ") + m.nameZh;
        if (!m.detail.isEmpty())
            text += QStringLiteral("  — ") + m.detail;
        return text;
    }
    case Qt::ToolTipRole:
        return m.nameZh.isEmpty() ? m.name : m.name + QLatin1Char('\n') + m.nameZh;
    case IdRole:
        return m.id;
    case NameRole:
        return m.name;
    case NameZhRole:
        return m.nameZh;
    }
    return {};
}
