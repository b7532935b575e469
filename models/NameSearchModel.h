#pragma once

#include "NameMatch.h"

#include <QAbstractListModel>
#include <QList>

#include <functional>

/// The suggestions of a name picker: whatever a search function (an SQL-backed repository
/// search, so 50,000 investees cost one query, not a model of 50,000 rows) returns for the text
/// typed so far. Shown unfiltered by a QCompleter; each row offers the English name to complete
/// with and the id it stands for.
class NameSearchModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole, ///< the English name (what the line edit receives)
        NameZhRole,
    };
    using Search = std::function<QList<NameMatch>(const QString &text, int limit)>;
    static constexpr int Limit = 50;

    explicit NameSearchModel(Search search, QObject *parent = nullptr);

    /// Runs the search for `text` (a reset: at most Limit rows).
    void setText(const QString &text);
    QString text() const { return m_text; }
    const QList<NameMatch> &matches() const { return m_matches; }
    /// The match whose English or Chinese name is `text` (case-insensitive), if any.
    const NameMatch *exact(const QString &text) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Search m_search;
    QString m_text;
    QList<NameMatch> m_matches;
};
