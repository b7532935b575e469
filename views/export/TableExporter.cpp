#include "TableExporter.h"

#include "CsvWriter.h"
#include "ExportFile.h"
#include "FormulaGuard.h"
#include "InterchangeExport.h"
#include "InvesteeRepository.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QRandomGenerator>

#include <xlsxwriter.h>

#include <array>
#include <charconv>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace {

using Type = ExportColumn::Type;

/// Rows between progress calls.
constexpr qint64 ProgressEvery = 4096;
/// Data rows per sheet: Excel's 1,048,576 rows less the header.
constexpr qint64 RowsPerSheet = LXW_ROW_MAX - 1;
/// Excel's longest cell text, in characters.
constexpr qsizetype MaxCellChars = 32767;

std::optional<InterchangeExport::Table> interchangeTable(TableExporter::Table table)
{
    switch (table) {
    case TableExporter::Table::Disbursements:
        return InterchangeExport::Table::Disbursements;
    case TableExporter::Table::Investees:
        return InterchangeExport::Table::Investees;
    case TableExporter::Table::Funds:
        return InterchangeExport::Table::Funds;
    case TableExporter::Table::Phases:
        return InterchangeExport::Table::Phases;
    case TableExporter::Table::Holdings:
        break;
    }
    return std::nullopt;
}

QString failed(const QString &path, const QString &why)
{
    return ExportFile::failure(path, why);
}

/// A full-day ISO date ("2019-10-22") as a spreadsheet date; nullopt for other precisions.
std::optional<lxw_datetime> fullDay(QByteArrayView text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    const auto number = [&text](qsizetype from, qsizetype length) {
        int n = 0;
        for (qsizetype i = from; i < from + length; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return -1;
            n = n * 10 + (text[i] - '0');
        }
        return n;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    // Spreadsheets count days from 1900; earlier dates stay text.
    if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    lxw_datetime date {};
    date.year = year;
    date.month = month;
    date.day = day;
    return date;
}

bool writeCsv(const QList<ExportColumn> &columns, const TableExporter::Source &source, const QString &path,
              const TableExporter::Options &options, qint64 total, const TableExporter::Progress &progress,
              QString *error, qint64 *rows)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = failed(path, file.errorString());
        return false;
    }
    CsvWriter writer(&file, options.byteOrderMark);
    for (const ExportColumn &c : columns)
        writer.writeField(QStringView(c.name));
    writer.endRecord();

    QList<bool> guarded;
    for (const ExportColumn &c : columns)
        guarded.append(c.type == Type::Text);
    qint64 written = 0;
    bool cancelled = false;
    QByteArray scratch;
    const bool streamed = source(
            [&](const ExportCell *cells, qsizetype count) {
                for (qsizetype i = 0; i < count; ++i) {
                    const QByteArrayView text = cells[i].text;
                    if (guarded.at(i) && FormulaGuard::needsPrefix(text)) {
                        scratch = FormulaGuard::guard(text);
                        writer.writeQuotedField(QByteArrayView(scratch));
                    } else {
                        writer.writeField(text);
                    }
                }
                writer.endRecord();
                ++written;
                if (writer.hasError())
                    return false;
                if (progress && written % ProgressEvery == 0 && !progress(written, total)) {
                    cancelled = true;
                    return false;
                }
                return true;
            },
            error);
    writer.flush();
    if (cancelled) {
        file.cancelWriting();
        *error = TableExporter::cancelledMessage();
        return false;
    }
    if (writer.hasError() || file.error() != QFileDevice::NoError) {
        // The reason first: cancelling replaces it with "canceled by application".
        *error = failed(path, file.error() != QFileDevice::NoError ? file.errorString() : writer.errorString());
        file.cancelWriting();
        return false;
    }
    if (!streamed) {
        file.cancelWriting();
        return false;
    }
    if (!ExportFile::commit(file, path, error))
        return false;
    if (progress)
        progress(written, total);
    if (rows)
        *rows = written;
    return true;
}

/// Moves the finished temporary file over the target (atomically where the system can).
bool replaceFile(const QString &temporary, const QString &target, QString *error)
{
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData()) == 0)
        return true;
    // Systems whose rename does not replace: remove first.
    if (QFile::exists(target) && QFile::remove(target) && QFile::rename(temporary, target))
        return true;
    *error = failed(target, QCoreApplication::translate("TableExporter", "the finished file could not be moved into place"));
    return false;
}

class XlsxBook
{
public:
    XlsxBook(const QString &path, const QList<ExportColumn> &columns, const QString &sheetName)
        : m_columns(columns)
        , m_sheetName(sheetName)
    {
        lxw_workbook_options options {};
        options.constant_memory = LXW_TRUE;
        options.use_zip64 = LXW_TRUE;
        m_book = workbook_new_opt(QFile::encodeName(path).constData(), &options);
        if (!m_book)
            return;
        m_header = workbook_add_format(m_book);
        format_set_bold(m_header);
        format_set_bottom(m_header, LXW_BORDER_THIN);
        m_date = workbook_add_format(m_book);
        format_set_num_format(m_date, "yyyy-mm-dd");
        m_amount = workbook_add_format(m_book);
        format_set_num_format(m_amount, "#,##0.##");
        m_text.reserve(64);
    }
    ~XlsxBook()
    {
        if (m_book)
            lxw_workbook_free(m_book);
    }
    XlsxBook(const XlsxBook &) = delete;
    XlsxBook &operator=(const XlsxBook &) = delete;

    bool isOpen() const { return m_book != nullptr; }

    bool row(const ExportCell *cells, qsizetype count)
    {
        if (!m_sheet || m_row > RowsPerSheet) {
            if (!newSheet())
                return false;
        }
        for (qsizetype i = 0; i < count; ++i) {
            const ExportCell &cell = cells[i];
            if (cell.text.isEmpty())
                continue;
            const auto column = lxw_col_t(i);
            lxw_error status = LXW_NO_ERROR;
            switch (m_columns.at(i).type) {
            case Type::Number:
            case Type::Integer:
                status = worksheet_write_number(m_sheet, m_row, column, cell.number, nullptr);
                break;
            case Type::Date:
                if (const auto date = fullDay(cell.text)) {
                    lxw_datetime value = *date;
                    status = worksheet_write_datetime(m_sheet, m_row, column, &value, m_date);
                    break;
                }
                status = writeText(column, cell.text);
                break;
            case Type::Text:
                // A string cell is never evaluated, so formula-like text needs no prefix here.
                status = writeText(column, cell.text);
                break;
            }
            if (status != LXW_NO_ERROR) {
                m_error = QString::fromUtf8(lxw_strerror(status));
                return false;
            }
        }
        ++m_row;
        return true;
    }

    /// Writes the file; false with *error on failure.
    bool close(QString *error)
    {
        if (m_sheet)
            finishSheet();
        else if (!newSheet())
            return fail(error);
        errno = 0;
        const lxw_error status = workbook_close(m_book);
        const int systemError = errno;
        m_book = nullptr; // workbook_close frees it
        if (status != LXW_NO_ERROR) {
            *error = QString::fromUtf8(lxw_strerror(status));
            if (systemError != 0)
                *error += QStringLiteral(" (%1)").arg(QString::fromLocal8Bit(std::strerror(systemError)));
            return false;
        }
        return true;
    }

    QString errorString() const { return m_error; }

private:
    bool fail(QString *error) const
    {
        *error = m_error;
        return false;
    }

    lxw_error writeText(lxw_col_t column, QByteArrayView text)
    {
        // The cell text must be NUL-terminated; ExportCell guarantees it, but a cut needs a copy.
        if (text.size() > MaxCellChars) {
            QString cut = QString::fromUtf8(text).left(MaxCellChars);
            m_text = cut.toUtf8();
            while (QString::fromUtf8(m_text).size() > MaxCellChars)
                m_text.chop(1);
            return worksheet_write_string(m_sheet, m_row, column, m_text.constData(), nullptr);
        }
        return worksheet_write_string(m_sheet, m_row, column, text.data(), nullptr);
    }

    bool newSheet()
    {
        if (m_sheet)
            finishSheet();
        ++m_sheets;
        const QString name = m_sheets == 1 ? m_sheetName : QStringLiteral("%1 %2").arg(m_sheetName).arg(m_sheets);
        m_sheet = workbook_add_worksheet(m_book, name.left(31).toUtf8().constData());
        if (!m_sheet) {
            m_error = QCoreApplication::translate("TableExporter", "cannot add the sheet '%1'").arg(name);
            return false;
        }
        for (qsizetype c = 0; c < m_columns.size(); ++c) {
            const ExportColumn &column = m_columns.at(c);
            lxw_format *format = column.type == Type::Number ? m_amount : nullptr;
            worksheet_set_column(m_sheet, lxw_col_t(c), lxw_col_t(c), column.width, format);
            worksheet_write_string(m_sheet, 0, lxw_col_t(c), column.name.toUtf8().constData(), m_header);
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        m_row = 1;
        return true;
    }

    void finishSheet()
    {
        if (!m_columns.isEmpty())
            worksheet_autofilter(m_sheet, 0, 0, m_row > 1 ? m_row - 1 : 1, lxw_col_t(m_columns.size() - 1));
    }

    QList<ExportColumn> m_columns;
    QString m_sheetName;
    lxw_workbook *m_book = nullptr;
    lxw_worksheet *m_sheet = nullptr;
    lxw_format *m_header = nullptr;
    lxw_format *m_date = nullptr;
    lxw_format *m_amount = nullptr;
    lxw_row_t m_row = 0;
    int m_sheets = 0;
    QByteArray m_text;
    QString m_error;
};

/// A file beside the target that libxlsxwriter writes by name, created the way a new file would
/// be (the umask's permissions, not a temporary file's owner-only ones) and removed unless kept.
class PartFile
{
public:
    explicit PartFile(const QString &target)
    {
        const QFileInfo info(target);
        for (int attempt = 0; attempt < 16 && m_path.isEmpty(); ++attempt) {
            const QString candidate = info.absoluteDir().filePath(
                    QStringLiteral(".%1.%2.part").arg(info.fileName()).arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
            QFile file(candidate);
            if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
                m_path = candidate;
            else
                m_error = file.errorString();
            if (!QFileInfo(candidate).dir().exists())
                break;
        }
    }
    ~PartFile()
    {
        if (!m_path.isEmpty() && !m_kept)
            QFile::remove(m_path);
    }
    PartFile(const PartFile &) = delete;
    PartFile &operator=(const PartFile &) = delete;

    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    /// Moves the finished file over the target, keeping the target's permissions if it existed.
    bool replace(const QString &target, QString *error)
    {
        if (QFile::exists(target))
            QFile::setPermissions(m_path, QFile::permissions(target));
        if (!replaceFile(m_path, target, error))
            return false;
        m_kept = true;
        return true;
    }

private:
    QString m_path;
    QString m_error;
    bool m_kept = false;
};

bool writeXlsx(const QList<ExportColumn> &columns, const TableExporter::Source &source, const QString &path,
               const QString &sheetName, qint64 total, const TableExporter::Progress &progress, QString *error,
               qint64 *rows)
{
    // libxlsxwriter writes to a file name: a temporary one beside the target, renamed at the end.
    PartFile part(path);
    if (part.path().isEmpty()) {
        *error = failed(path, part.errorString());
        return false;
    }
    const QString temporaryPath = part.path();

    qint64 written = 0;
    bool cancelled = false;
    bool streamed = false;
    {
        XlsxBook book(temporaryPath, columns, sheetName);
        if (!book.isOpen()) {
            *error = failed(path, QCoreApplication::translate("TableExporter", "the workbook could not be created"));
            return false;
        }
        streamed = source(
                [&](const ExportCell *cells, qsizetype count) {
                    if (!book.row(cells, count))
                        return false;
                    ++written;
                    if (progress && written % ProgressEvery == 0 && !progress(written, total)) {
                        cancelled = true;
                        return false;
                    }
                    return true;
                },
                error);
        if (cancelled) {
            *error = TableExporter::cancelledMessage();
            return false;
        }
        if (!book.errorString().isEmpty()) {
            *error = failed(path, book.errorString());
            return false;
        }
        if (!streamed)
            return false;
        QString why;
        if (!book.close(&why)) {
            *error = failed(path, why);
            return false;
        }
    }
    if (!part.replace(path, error))
        return false;
    if (progress)
        progress(written, total);
    if (rows)
        *rows = written;
    return true;
}

/// "12345.67": a base-currency amount in plain decimals.
QByteArray plain(double value)
{
    return QByteArray::number(value, 'f', 2);
}

} // namespace

QString TableExporter::tableName(Table table)
{
    switch (table) {
    case Table::Disbursements:
        return QStringLiteral("disbursements");
    case Table::Investees:
        return QStringLiteral("investees");
    case Table::Funds:
        return QStringLiteral("funds");
    case Table::Phases:
        return QStringLiteral("phases");
    case Table::Holdings:
        return QStringLiteral("holdings");
    }
    return {};
}

std::optional<TableExporter::Table> TableExporter::parseTable(const QString &name)
{
    for (Table t : { Table::Disbursements, Table::Investees, Table::Funds, Table::Phases, Table::Holdings }) {
        if (name.compare(tableName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

QString TableExporter::formatName(Format format)
{
    return format == Format::Csv ? QStringLiteral("csv") : QStringLiteral("xlsx");
}

std::optional<TableExporter::Format> TableExporter::parseFormat(const QString &name)
{
    for (Format f : { Format::Csv, Format::Xlsx }) {
        if (name.compare(formatName(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

QString TableExporter::cancelledMessage()
{
    return QCoreApplication::translate("TableExporter", "the export was cancelled");
}

QList<ExportColumn> TableExporter::holdingsColumns()
{
    const auto column = [](const char *name, Type type, int width) {
        return ExportColumn { QString::fromLatin1(name), type, width };
    };
    return { column("investee", Type::Text, 44),     column("investee_zh", Type::Text, 28),
             column("kind", Type::Text, 9),          column("sector", Type::Text, 24),
             column("segment", Type::Text, 20),      column("region", Type::Text, 14),
             column("region_zh", Type::Text, 10),    column("city", Type::Text, 12),
             column("ticker", Type::Text, 16),       column("currency", Type::Text, 9),
             column("invested", Type::Number, 18),   column("committed", Type::Number, 18),
             column("divested", Type::Number, 18),   column("events", Type::Integer, 8),
             column("funds", Type::Integer, 7),      column("undisclosed", Type::Integer, 11),
             column("without_rate", Type::Integer, 12), column("first_date", Type::Date, 11),
             column("last_date", Type::Date, 11),    column("latest_stake_pct", Type::Number, 16) };
}

bool TableExporter::write(const QList<ExportColumn> &columns, const Source &source, const QString &path,
                          const QString &sheetName, const Options &options, qint64 total, const Progress &progress,
                          QString *error, qint64 *rows)
{
    QString ignored;
    QString *message = error ? error : &ignored;
    if (ExportFile::refuse(path, message))
        return false;
    if (options.format == Format::Csv)
        return writeCsv(columns, source, path, options, total, progress, message, rows);
    return writeXlsx(columns, source, path, sheetName, total, progress, message, rows);
}

bool TableExporter::exportTable(Table table, const Filter &filter, const QString &path, const Options &options,
                                const Progress &progress, QString *error, qint64 *rows,
                                const AggregateResult *holdings) const
{
    QString ignored;
    QString *message = error ? error : &ignored;
    if (const auto interchange = interchangeTable(table)) {
        const InterchangeExport source(m_db);
        const qint64 total = progress ? source.count(*interchange, filter, message) : -1;
        if (progress && total < 0)
            return false;
        return write(
                InterchangeExport::columns(*interchange),
                [&](const ExportRowVisitor &visit, QString *why) { return source.stream(*interchange, filter, visit, why); },
                path, tableName(table), options, total, progress, message, rows);
    }

    if (!holdings) {
        *message = QCoreApplication::translate("TableExporter", "the holdings table needs the totals by investee");
        return false;
    }
    const QHash<qint64, InvesteeRecord> investees = InvesteeRepository(m_db).all(message);
    if (investees.isEmpty() && !holdings->rows.isEmpty())
        return false;
    const QList<ExportColumn> columns = holdingsColumns();
    const QByteArray currency = holdings->currency.toUtf8();
    return write(
            columns,
            [&](const ExportRowVisitor &visit, QString *) {
                std::array<QByteArray, 20> text;
                std::array<ExportCell, 20> cells {};
                for (const AggregateRow &row : holdings->rows) {
                    const InvesteeRecord investee = investees.value(row.keyId);
                    const bool known = investee.id != 0;
                    text[0] = (known ? investee.name : row.key).toUtf8();
                    text[1] = (known ? investee.nameZh : row.keyZh).toUtf8();
                    text[2] = investee.kind.toUtf8();
                    text[3] = investee.sector.toUtf8();
                    text[4] = investee.segment.toUtf8();
                    text[5] = investee.region.toUtf8();
                    text[6] = investee.regionZh.toUtf8();
                    text[7] = investee.city.toUtf8();
                    text[8] = investee.ticker.toUtf8();
                    text[9] = currency;
                    text[10] = plain(row.invested);
                    text[11] = plain(row.committed);
                    text[12] = plain(row.divested);
                    text[13] = QByteArray::number(row.events);
                    text[14] = QByteArray::number(row.funds);
                    text[15] = QByteArray::number(row.undisclosed);
                    text[16] = QByteArray::number(row.withoutRate);
                    text[17] = row.firstDate.toUtf8();
                    text[18] = row.lastDate.toUtf8();
                    text[19] = row.latestStake ? QByteArray::number(*row.latestStake, 'g', 15) : QByteArray();
                    const double numbers[] = { row.invested, row.committed, row.divested, double(row.events),
                                               double(row.funds), double(row.undisclosed), double(row.withoutRate) };
                    for (size_t i = 0; i < text.size(); ++i)
                        cells[i] = { QByteArrayView(text[i].constData(), text[i].size()), 0 };
                    for (size_t i = 0; i < std::size(numbers); ++i)
                        cells[10 + i].number = numbers[i];
                    cells[19].number = row.latestStake.value_or(0);
                    if (!visit(cells.data(), qsizetype(cells.size())))
                        return true;
                }
                return true;
            },
            path, tableName(table), options, holdings->rows.size(), progress, message, rows);
}
