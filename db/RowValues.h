#pragma once

#include "RecordFields.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

/// One row of a record table as stored: column name → value, NULL as an invalid (or null)
/// QVariant. Foreign keys are row ids, amounts integer minor units, dates partial ISO text.
/// Write paths take these so that a whole row can be kept and put back unchanged by undo.
struct RowValues
{
    RecordKind kind = RecordKind::Fund;
    qint64 id = 0; ///< 0 until inserted
    QVariantMap values;

    QVariant value(const QString &column) const { return values.value(column); }
    QString text(const QString &column) const { return values.value(column).toString(); }
    qint64 number(const QString &column) const { return values.value(column).toLongLong(); }
    void set(const QString &column, const QVariant &value) { values.insert(column, value); }
    // The same by field, for code outside db/.
    template<RecordField F> QVariant value(F field) const { return value(columnOf(field)); }
    template<RecordField F> QString text(F field) const { return text(columnOf(field)); }
    template<RecordField F> qint64 number(F field) const { return number(columnOf(field)); }
    template<RecordField F> void set(F field, const QVariant &value) { set(columnOf(field), value); }
    bool operator==(const RowValues &) const = default;
};

/// A problem with one field, in plain words: `column` names the column it belongs to (for a
/// form to show the message under that field), `message` says what is wrong and how to fix it.
struct FieldIssue
{
    QString column;
    QString message;

    /// "amount: …" — the column's label and the message, for logs and command-line output.
    QString toString() const;
    bool operator==(const FieldIssue &) const = default;
};

/// What would go with a record if it were deleted: counts, and a few of the rows by name.
struct Dependents
{
    /// One dependent row, described for the confirmation dialog.
    struct Item
    {
        RecordKind kind = RecordKind::Disbursement;
        qint64 id = 0;
        QString label;
    };

    qint64 phases = 0; ///< deleted with it
    qint64 disbursements = 0; ///< deleted with it
    qint64 childFunds = 0; ///< funds naming it as parent: unlinked (parent cleared), not deleted
    qint64 lookThrough = 0; ///< sub-fund investees pointing at it: unlinked, not deleted
    QList<Item> items; ///< at most Dependents::MaxItems, phases first

    static constexpr int MaxItems = 50;
    bool isEmpty() const { return phases + disbursements + childFunds + lookThrough == 0; }
    /// "3 disbursements and 1 phase" (what is deleted with it; empty when nothing is).
    QString deletedText() const;
    /// "2 funds name it as parent and 1 sub-fund investee looks through to it" (unlinked).
    QString unlinkedText() const;
};

/// Everything a delete took away, kept so that undo puts it back with the same ids.
struct Removal
{
    /// A reference cleared so that a delete leaves no dangling row (a child fund's parent, a
    /// sub-fund investee's look-through fund).
    struct Unlink
    {
        RecordKind kind = RecordKind::Fund;
        qint64 id = 0;
        QString column;
        QVariant previous;
    };

    QList<RowValues> rows; ///< in the order they were deleted: dependents before what they depend on
    QList<Unlink> unlinked; ///< in the order they were cleared

    bool isEmpty() const { return rows.isEmpty() && unlinked.isEmpty(); }
    /// The ids of the deleted rows of one kind.
    QList<qint64> ids(RecordKind kind) const;
};
