#include "ImportIssueModel.h"

#include <QFileInfo>

ImportIssueModel::ImportIssueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ImportIssueModel::setReport(const LoadReport &report)
{
    beginResetModel();
    m_errors = report.errors;
    m_rejected = report.rejected;
    m_duplicates = report.duplicates;
    endResetModel();
}

LoadIssue ImportIssueModel::issue(int row) const
{
    if (row < m_errors.size())
        return m_errors.at(row);
    row -= int(m_errors.size());
    if (row < m_rejected.size())
        return m_rejected.at(row);
    row -= int(m_rejected.size());
    return m_duplicates.value(row);
}

int ImportIssueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_errors.size() + m_rejected.size() + m_duplicates.size());
}

int ImportIssueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportIssueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const LoadIssue problem = issue(index.row());
    const bool duplicate = index.row() >= m_errors.size() + m_rejected.size();
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case FileColumn:
            return QFileInfo(problem.file).fileName();
        case LineColumn:
            return problem.line > 0 ? QVariant(problem.line) : QVariant();
        case FieldColumn:
            return problem.column;
        case ReasonColumn:
            return duplicate ? tr("%1 (skipped)").arg(problem.reason) : problem.reason;
        }
        break;
    case Qt::ToolTipRole:
        return problem.toString();
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return QVariant();
}

QVariant ImportIssueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case FieldColumn:
        return tr("Column");
    case ReasonColumn:
        return tr("Problem");
    }
    return QVariant();
}
