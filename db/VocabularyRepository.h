#pragma once

#include "VocabularyItem.h"

#include <QHash>
#include <QList>
#include <QString>

class Database;

/// Reads the vocabularies pickers and filter menus offer, each ordered for display.
class VocabularyRepository
{
public:
    explicit VocabularyRepository(Database &db) : m_db(db) { }

    QList<VocabularyItem> sectors() const;
    QList<VocabularyItem> segments() const;
    QList<VocabularyItem> countries() const;
    /// China's province-level divisions.
    QList<VocabularyItem> provinces() const;
    QList<VocabularyItem> cities() const;
    QList<VocabularyItem> currencies() const; ///< id 0; name = ISO code, nameZh = English name
    /// Minor digits (decimals) of every currency by ISO code: CNY 2, JPY 0.
    QHash<QString, int> currencyDigits() const;

private:
    QList<VocabularyItem> read(const QString &sql) const;
    Database &m_db;
};
