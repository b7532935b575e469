#include "InvesteeForm.h"

#include "EditSession.h"
#include "RecordPicker.h"
#include "Validation.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>

InvesteeForm::InvesteeForm(EditSession &session, qint64 investeeId, QWidget *parent)
    : RecordForm(session, RecordKind::Investee, investeeId, parent)
{
    setObjectName(QStringLiteral("investeeForm"));
    setWindowTitle(investeeId == 0 ? tr("Add investee") : tr("Edit investee"));
    const RecordLookup records = session.records();
    const RecordLookup &vocabulary = records;
    m_segments = vocabulary.segments();
    m_name = lineEdit(QStringLiteral("name"), tr("English name, as in the sources"));
    m_nameZh = lineEdit(QStringLiteral("nameZh"), tr("Chinese name"));
    m_kindBox
        = wordBox(QStringLiteral("kind"), Validation::words(RecordKind::Investee, columnOf(InvesteeField::Kind)));
    m_fund = new RecordPicker(
        [records](const QString &text, int limit) { return records.searchFunds(text, limit); }, this);
    m_fund->setObjectName(QStringLiteral("lookThroughFund"));
    m_fund->setPlaceholderText(tr("for a sub-fund: the fund record it is"));
    m_sector = itemBox(QStringLiteral("sector"), vocabulary.sectors(), tr("— none —"));
    m_segment = itemBox(QStringLiteral("segment"), {}, tr("— none —"));
    m_ticker = lineEdit(QStringLiteral("ticker"), tr("688981.SH, 0981.HK …"));
    m_founded = lineEdit(QStringLiteral("founded"), tr("YYYY, YYYY-MM or YYYY-MM-DD"));
    m_source = lineEdit(QStringLiteral("source"), tr("https://… (several: separate with “ | ”)"));
    m_notes = notesEdit(QStringLiteral("notes"));

    addRow(tr("&Name"), m_name, columnsOf({ InvesteeField::Name }));
    addRow(tr("Chinese na&me"), m_nameZh, columnsOf({ InvesteeField::NameZh }));
    addRow(tr("&Kind"), m_kindBox, columnsOf({ InvesteeField::Kind }));
    addRow(tr("Look-through f&und"), m_fund, columnsOf({ InvesteeField::Fund }));
    addRow(tr("Sec&tor"), m_sector, columnsOf({ InvesteeField::Sector }));
    addRow(tr("Se&gment"), m_segment, columnsOf({ InvesteeField::Segment }));
    m_region = addRegionRows();
    addRow(tr("T&icker"), m_ticker, columnsOf({ InvesteeField::Ticker }));
    addRow(tr("&Founded"), m_founded, columnsOf({ InvesteeField::Founded }));
    addRow(tr("&Source"), m_source, columnsOf({ InvesteeField::Source }));
    addRow(tr("N&otes"), m_notes, columnsOf({ InvesteeField::Notes }));

    connect(m_sector, &QComboBox::currentIndexChanged, this, [this] {
        updateSegments();
        touched(InvesteeField::Sector);
    });
    connect(m_kindBox, &QComboBox::currentIndexChanged, this, [this] {
        m_fund->setEnabled(word(m_kindBox) == QLatin1String("fund"));
        touched(InvesteeField::Kind);
    });
    m_fund->setEnabled(false);

    if (investeeId != 0) {
        if (const auto row = records.values(RecordKind::Investee, investeeId)) {
            m_name->setText(row->text(InvesteeField::Name));
            m_nameZh->setText(row->text(InvesteeField::NameZh));
            selectWord(m_kindBox, row->text(InvesteeField::Kind));
            if (const qint64 fundId = row->number(InvesteeField::Fund)) {
                if (const auto fund = records.values(RecordKind::Fund, fundId))
                    m_fund->setRecord(fundId, fund->text(FundField::Name));
            }
            selectItem(m_sector, row->number(InvesteeField::Sector));
            selectItem(m_segment, row->number(InvesteeField::Segment));
            selectRegion(m_region, row->number(InvesteeField::Country),
                row->number(InvesteeField::Province), row->number(InvesteeField::City));
            m_ticker->setText(row->text(InvesteeField::Ticker));
            m_founded->setText(row->text(InvesteeField::Founded));
            m_source->setText(row->text(InvesteeField::Source));
            m_notes->setPlainText(row->text(InvesteeField::Notes));
        }
    } else if (const int china = m_region.country->findText(QStringLiteral("China"), Qt::MatchStartsWith);
               china >= 0) {
        m_region.country->setCurrentIndex(china);
    }

    connect(m_name, &QLineEdit::textEdited, this, [this] { touched(InvesteeField::Name); });
    connect(m_nameZh, &QLineEdit::textEdited, this, [this] { touched(InvesteeField::NameZh); });
    connect(m_fund, &QLineEdit::textChanged, this, [this] { touched(InvesteeField::Fund); });
    connect(m_fund, &RecordPicker::recordChanged, this, [this] { touched(InvesteeField::Fund); });
    connect(m_segment, &QComboBox::currentIndexChanged, this,
        [this] { touched(InvesteeField::Segment); });
    connect(m_ticker, &QLineEdit::textEdited, this, [this] { touched(InvesteeField::Ticker); });
    connect(m_founded, &QLineEdit::textEdited, this, [this] { touched(InvesteeField::Founded); });
    connect(m_source, &QLineEdit::textEdited, this, [this] { touched(InvesteeField::Source); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { touched(InvesteeField::Notes); });
    finishSetup();
}

void InvesteeForm::setName(const QString &name)
{
    m_name->setText(name);
    touched(InvesteeField::Name);
}

void InvesteeForm::updateSegments()
{
    QList<VocabularyItem> segments;
    for (const VocabularyItem &s : std::as_const(m_segments)) {
        if (s.parentId == itemId(m_sector) && itemId(m_sector) != 0)
            segments.append(s);
    }
    fillItems(m_segment, segments, tr("— none —"));
    m_segment->setEnabled(!segments.isEmpty());
}

RowValues InvesteeForm::values() const
{
    RowValues row = emptyRow();
    const bool subFund = word(m_kindBox) == QLatin1String("fund");
    row.set(InvesteeField::Name, textOrNull(m_name->text()));
    row.set(InvesteeField::NameZh, textOrNull(m_nameZh->text()));
    row.set(InvesteeField::Kind, word(m_kindBox));
    row.set(InvesteeField::Fund, subFund ? m_fund->recordId() : qint64(0));
    row.set(InvesteeField::Sector, itemId(m_sector));
    row.set(InvesteeField::Segment, itemId(m_segment));
    writeRegion(m_region, row);
    row.set(InvesteeField::Ticker, textOrNull(m_ticker->text()));
    row.set(InvesteeField::Founded, textOrNull(Validation::normalizedDate(m_founded->text())));
    row.set(InvesteeField::Source, textOrNull(m_source->text()));
    row.set(InvesteeField::Notes, textOrNull(m_notes->toPlainText()));
    return row;
}

QList<FieldIssue> InvesteeForm::formIssues() const
{
    QList<FieldIssue> issues;
    if (word(m_kindBox) == QLatin1String("fund")) {
        if (const QString why = m_fund->problem(RecordKind::Fund); !why.isEmpty())
            issues.append({ columnOf(InvesteeField::Fund), why });
    }
    return issues;
}

bool InvesteeForm::submit(RowValues row, QString *error)
{
    if (m_collectOnly)
        return true; // revalidate() already applied every rule RecordStore will
    return RecordForm::submit(row, error);
}
