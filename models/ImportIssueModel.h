#pragma once

#include "InterchangeLoader.h"

#include <QAbstractTableModel>

/// Every problem of an import check as a table: file, line, column and reason, the problems
/// that concern whole files first, then the rows left out, then skipped duplicates. It shows the
/// report's own lists (no copy per cell), so ten thousand problems cost one reset.
class ImportIssueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FileColumn, LineColumn, FieldColumn, ReasonColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ImportIssueModel(QObject *parent = nullptr);

    void setReport(const LoadReport &report);
    /// The problem on a row (file, line, column, reason).
    LoadIssue issue(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<LoadIssue> m_errors, m_rejected, m_duplicates;
};
