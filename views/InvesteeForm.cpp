#include "InvesteeForm.h"

#include "EditSession.h"
#include "FundRepository.h"
#include "InvesteeRepository.h"
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
    Database &db = session.database();
    const VocabularyRepository vocabulary(db);
    m_segments = vocabulary.segments();
    m_name = lineEdit(QStringLiteral("name"), tr("English name, as in the sources"));
    m_nameZh = lineEdit(QStringLiteral("nameZh"), tr("Chinese name"));
    m_kindBox
        = wordBox(QStringLiteral("kind"), Validation::words(RecordKind::Investee, QStringLiteral("kind")));
    m_fund = new RecordPicker(
        [&db](const QString &text, int limit) { return FundRepository(db).search(text, limit); }, this);
    m_fund->setObjectName(QStringLiteral("lookThroughFund"));
    m_fund->setPlaceholderText(tr("for a sub-fund: the fund record it is"));
    m_sector = itemBox(QStringLiteral("sector"), vocabulary.sectors(), tr("— none —"));
    m_segment = itemBox(QStringLiteral("segment"), {}, tr("— none —"));
    m_ticker = lineEdit(QStringLiteral("ticker"), tr("688981.SH, 0981.HK …"));
    m_founded = lineEdit(QStringLiteral("founded"), tr("YYYY, YYYY-MM or YYYY-MM-DD"));
    m_source = lineEdit(QStringLiteral("source"), tr("https://… (several: separate with “ | ”)"));
    m_notes = notesEdit(QStringLiteral("notes"));

    addRow(tr("&Name"), m_name, { QStringLiteral("name") });
    addRow(tr("Chinese na&me"), m_nameZh, { QStringLiteral("name_zh") });
    addRow(tr("&Kind"), m_kindBox, { QStringLiteral("kind") });
    addRow(tr("Look-through f&und"), m_fund, { QStringLiteral("fund_id") });
    addRow(tr("Sec&tor"), m_sector, { QStringLiteral("sector_id") });
    addRow(tr("Se&gment"), m_segment, { QStringLiteral("segment_id") });
    m_region = addRegionRows();
    addRow(tr("T&icker"), m_ticker, { QStringLiteral("ticker") });
    addRow(tr("&Founded"), m_founded, { QStringLiteral("founded") });
    addRow(tr("&Source"), m_source, { QStringLiteral("source_url") });
    addRow(tr("N&otes"), m_notes, { QStringLiteral("notes") });

    connect(m_sector, &QComboBox::currentIndexChanged, this, [this] {
        updateSegments();
        touched({ QStringLiteral("sector_id") });
    });
    connect(m_kindBox, &QComboBox::currentIndexChanged, this, [this] {
        m_fund->setEnabled(word(m_kindBox) == QLatin1String("fund"));
        touched({ QStringLiteral("kind") });
    });
    m_fund->setEnabled(false);

    if (investeeId != 0) {
        if (const auto row = InvesteeRepository(db).values(investeeId)) {
            m_name->setText(row->text(QStringLiteral("name")));
            m_nameZh->setText(row->text(QStringLiteral("name_zh")));
            selectWord(m_kindBox, row->text(QStringLiteral("kind")));
            if (const qint64 fundId = row->number(QStringLiteral("fund_id"))) {
                if (const auto fund = FundRepository(db).values(fundId))
                    m_fund->setRecord(fundId, fund->text(QStringLiteral("name")));
            }
            selectItem(m_sector, row->number(QStringLiteral("sector_id")));
            selectItem(m_segment, row->number(QStringLiteral("segment_id")));
            selectRegion(m_region, row->number(QStringLiteral("country_id")),
                row->number(QStringLiteral("province_id")), row->number(QStringLiteral("city_id")));
            m_ticker->setText(row->text(QStringLiteral("ticker")));
            m_founded->setText(row->text(QStringLiteral("founded")));
            m_source->setText(row->text(QStringLiteral("source_url")));
            m_notes->setPlainText(row->text(QStringLiteral("notes")));
        }
    } else if (const int china = m_region.country->findText(QStringLiteral("China"), Qt::MatchStartsWith);
               china >= 0) {
        m_region.country->setCurrentIndex(china);
    }

    connect(m_name, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("name") }); });
    connect(m_nameZh, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("name_zh") }); });
    connect(m_fund, &QLineEdit::textChanged, this, [this] { touched({ QStringLiteral("fund_id") }); });
    connect(m_fund, &RecordPicker::recordChanged, this, [this] { touched({ QStringLiteral("fund_id") }); });
    connect(m_segment, &QComboBox::currentIndexChanged, this,
        [this] { touched({ QStringLiteral("segment_id") }); });
    connect(m_ticker, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("ticker") }); });
    connect(m_founded, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("founded") }); });
    connect(m_source, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("source_url") }); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { touched({ QStringLiteral("notes") }); });
    finishSetup();
}

void InvesteeForm::setName(const QString &name)
{
    m_name->setText(name);
    touched({ QStringLiteral("name") });
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
    RowValues row;
    row.kind = RecordKind::Investee;
    row.id = m_id;
    const bool subFund = word(m_kindBox) == QLatin1String("fund");
    row.set(QStringLiteral("name"), textOrNull(m_name->text()));
    row.set(QStringLiteral("name_zh"), textOrNull(m_nameZh->text()));
    row.set(QStringLiteral("kind"), word(m_kindBox));
    row.set(QStringLiteral("fund_id"), subFund ? m_fund->recordId() : qint64(0));
    row.set(QStringLiteral("sector_id"), itemId(m_sector));
    row.set(QStringLiteral("segment_id"), itemId(m_segment));
    writeRegion(m_region, row);
    row.set(QStringLiteral("ticker"), textOrNull(m_ticker->text()));
    row.set(QStringLiteral("founded"), textOrNull(Validation::normalizedDate(m_founded->text())));
    row.set(QStringLiteral("source_url"), textOrNull(m_source->text()));
    row.set(QStringLiteral("notes"), textOrNull(m_notes->toPlainText()));
    return row;
}

QList<FieldIssue> InvesteeForm::formIssues() const
{
    QList<FieldIssue> issues;
    if (word(m_kindBox) == QLatin1String("fund")) {
        if (const QString why = m_fund->problem(RecordKind::Fund); !why.isEmpty())
            issues.append({ QStringLiteral("fund_id"), why });
    }
    return issues;
}

bool InvesteeForm::submit(RowValues row, QString *error)
{
    if (m_collectOnly)
        return true; // revalidate() already applied every rule RecordStore will // revalidate() already
                     // applied every rule RecordStore will
    return RecordForm::submit(row, error);
}
