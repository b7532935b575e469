#include "FundForm.h"

#include "EditSession.h"
#include "FundRepository.h"
#include "RecordPicker.h"
#include "Validation.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>

FundForm::FundForm(EditSession &session, qint64 fundId, QWidget *parent)
    : RecordForm(session, RecordKind::Fund, fundId, parent)
{
    setObjectName(QStringLiteral("fundForm"));
    setWindowTitle(fundId == 0 ? tr("Add fund") : tr("Edit fund"));
    Database &db = session.database();
    m_name = lineEdit(QStringLiteral("name"), tr("English name, as in the sources"));
    m_nameZh = lineEdit(QStringLiteral("nameZh"), tr("Chinese name"));
    m_kindBox = wordBox(QStringLiteral("kind"), Validation::words(RecordKind::Fund, QStringLiteral("kind")));
    m_level = wordBox(QStringLiteral("level"), Validation::words(RecordKind::Fund, QStringLiteral("level")));
    m_parent = new RecordPicker(
        [&db](const QString &text, int limit) { return FundRepository(db).search(text, limit); }, this);
    m_parent->setObjectName(QStringLiteral("parentFund"));
    m_parent->setPlaceholderText(tr("the fund of funds it belongs to, if any"));
    m_manager = lineEdit(QStringLiteral("manager"));
    m_source = lineEdit(QStringLiteral("source"), tr("https://… (several: separate with “ | ”)"));
    m_notes = notesEdit(QStringLiteral("notes"));

    addRow(tr("&Name"), m_name, { QStringLiteral("name") });
    addRow(tr("Chinese na&me"), m_nameZh, { QStringLiteral("name_zh") });
    addRow(tr("&Kind"), m_kindBox, { QStringLiteral("kind") });
    addRow(tr("&Level"), m_level, { QStringLiteral("level") });
    m_region = addRegionRows();
    addRow(tr("&Parent fund"), m_parent, { QStringLiteral("parent_fund_id") });
    addRow(tr("Mana&ger"), m_manager, { QStringLiteral("manager") });
    addRow(tr("&Source"), m_source, { QStringLiteral("source_url") });
    addRow(tr("N&otes"), m_notes, { QStringLiteral("notes") });

    if (fundId != 0) {
        if (const auto row = FundRepository(db).values(fundId)) {
            m_name->setText(row->text(QStringLiteral("name")));
            m_nameZh->setText(row->text(QStringLiteral("name_zh")));
            selectWord(m_kindBox, row->text(QStringLiteral("kind")));
            selectWord(m_level, row->text(QStringLiteral("level")));
            selectRegion(m_region, row->number(QStringLiteral("country_id")),
                row->number(QStringLiteral("province_id")), row->number(QStringLiteral("city_id")));
            if (const qint64 parentId = row->number(QStringLiteral("parent_fund_id"))) {
                if (const auto parentRow = FundRepository(db).values(parentId))
                    m_parent->setRecord(parentId, parentRow->text(QStringLiteral("name")));
            }
            m_manager->setText(row->text(QStringLiteral("manager")));
            m_source->setText(row->text(QStringLiteral("source_url")));
            m_notes->setPlainText(row->text(QStringLiteral("notes")));
        }
    } else {
        selectWord(m_level, QStringLiteral("provincial"));
        if (const int china = m_region.country->findText(QStringLiteral("China"), Qt::MatchStartsWith);
            china >= 0)
            m_region.country->setCurrentIndex(china);
    }

    connect(m_name, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("name") }); });
    connect(m_nameZh, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("name_zh") }); });
    connect(
        m_kindBox, &QComboBox::currentIndexChanged, this, [this] { touched({ QStringLiteral("kind") }); });
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] { touched({ QStringLiteral("level") }); });
    connect(
        m_parent, &QLineEdit::textChanged, this, [this] { touched({ QStringLiteral("parent_fund_id") }); });
    connect(m_parent, &RecordPicker::recordChanged, this,
        [this] { touched({ QStringLiteral("parent_fund_id") }); });
    connect(m_manager, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("manager") }); });
    connect(m_source, &QLineEdit::textEdited, this, [this] { touched({ QStringLiteral("source_url") }); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { touched({ QStringLiteral("notes") }); });
    finishSetup();
}

RowValues FundForm::values() const
{
    RowValues row;
    row.kind = RecordKind::Fund;
    row.id = m_id;
    row.set(QStringLiteral("name"), textOrNull(m_name->text()));
    row.set(QStringLiteral("name_zh"), textOrNull(m_nameZh->text()));
    row.set(QStringLiteral("kind"), word(m_kindBox));
    row.set(QStringLiteral("level"), word(m_level));
    writeRegion(m_region, row);
    row.set(QStringLiteral("parent_fund_id"), m_parent->recordId());
    row.set(QStringLiteral("manager"), textOrNull(m_manager->text()));
    row.set(QStringLiteral("source_url"), textOrNull(m_source->text()));
    row.set(QStringLiteral("notes"), textOrNull(m_notes->toPlainText()));
    return row;
}

QList<FieldIssue> FundForm::formIssues() const
{
    QList<FieldIssue> issues;
    if (const QString why = m_parent->problem(RecordKind::Fund); !why.isEmpty())
        issues.append({ QStringLiteral("parent_fund_id"), why });
    return issues;
}
