#include "FundForm.h"

#include "EditSession.h"
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
    const RecordLookup records = session.records();
    m_name = lineEdit(QStringLiteral("name"), tr("English name, as in the sources"));
    m_nameZh = lineEdit(QStringLiteral("nameZh"), tr("Chinese name"));
    m_kindBox = wordBox(QStringLiteral("kind"), Validation::words(RecordKind::Fund, columnOf(FundField::Kind)));
    m_level = wordBox(QStringLiteral("level"), Validation::words(RecordKind::Fund, columnOf(FundField::Level)));
    m_parent = new RecordPicker(
        [records](const QString &text, int limit) { return records.searchFunds(text, limit); }, this);
    m_parent->setObjectName(QStringLiteral("parentFund"));
    m_parent->setPlaceholderText(tr("the fund of funds it belongs to, if any"));
    m_manager = lineEdit(QStringLiteral("manager"));
    m_source = lineEdit(QStringLiteral("source"), tr("https://… (several: separate with “ | ”)"));
    m_notes = notesEdit(QStringLiteral("notes"));

    addRow(tr("&Name"), m_name, columnsOf({ FundField::Name }));
    addRow(tr("Chinese na&me"), m_nameZh, columnsOf({ FundField::NameZh }));
    addRow(tr("&Kind"), m_kindBox, columnsOf({ FundField::Kind }));
    addRow(tr("&Level"), m_level, columnsOf({ FundField::Level }));
    m_region = addRegionRows();
    addRow(tr("&Parent fund"), m_parent, columnsOf({ FundField::ParentFund }));
    addRow(tr("Mana&ger"), m_manager, columnsOf({ FundField::Manager }));
    addRow(tr("&Source"), m_source, columnsOf({ FundField::Source }));
    addRow(tr("N&otes"), m_notes, columnsOf({ FundField::Notes }));

    if (fundId != 0) {
        if (const auto row = records.values(RecordKind::Fund, fundId)) {
            m_name->setText(row->text(FundField::Name));
            m_nameZh->setText(row->text(FundField::NameZh));
            selectWord(m_kindBox, row->text(FundField::Kind));
            selectWord(m_level, row->text(FundField::Level));
            selectRegion(m_region, row->number(FundField::Country),
                row->number(FundField::Province), row->number(FundField::City));
            if (const qint64 parentId = row->number(FundField::ParentFund)) {
                if (const auto parentRow = records.values(RecordKind::Fund, parentId))
                    m_parent->setRecord(parentId, parentRow->text(FundField::Name));
            }
            m_manager->setText(row->text(FundField::Manager));
            m_source->setText(row->text(FundField::Source));
            m_notes->setPlainText(row->text(FundField::Notes));
        }
    } else {
        selectWord(m_level, QStringLiteral("provincial"));
        if (const int china = m_region.country->findText(QStringLiteral("China"), Qt::MatchStartsWith);
            china >= 0)
            m_region.country->setCurrentIndex(china);
    }

    connect(m_name, &QLineEdit::textEdited, this, [this] { touched(FundField::Name); });
    connect(m_nameZh, &QLineEdit::textEdited, this, [this] { touched(FundField::NameZh); });
    connect(
        m_kindBox, &QComboBox::currentIndexChanged, this, [this] { touched(FundField::Kind); });
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] { touched(FundField::Level); });
    connect(
        m_parent, &QLineEdit::textChanged, this, [this] { touched(FundField::ParentFund); });
    connect(m_parent, &RecordPicker::recordChanged, this,
        [this] { touched(FundField::ParentFund); });
    connect(m_manager, &QLineEdit::textEdited, this, [this] { touched(FundField::Manager); });
    connect(m_source, &QLineEdit::textEdited, this, [this] { touched(FundField::Source); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] { touched(FundField::Notes); });
    finishSetup();
}

RowValues FundForm::values() const
{
    RowValues row = emptyRow();
    row.set(FundField::Name, textOrNull(m_name->text()));
    row.set(FundField::NameZh, textOrNull(m_nameZh->text()));
    row.set(FundField::Kind, word(m_kindBox));
    row.set(FundField::Level, word(m_level));
    writeRegion(m_region, row);
    row.set(FundField::ParentFund, m_parent->recordId());
    row.set(FundField::Manager, textOrNull(m_manager->text()));
    row.set(FundField::Source, textOrNull(m_source->text()));
    row.set(FundField::Notes, textOrNull(m_notes->toPlainText()));
    return row;
}

QList<FieldIssue> FundForm::formIssues() const
{
    QList<FieldIssue> issues;
    if (const QString why = m_parent->problem(RecordKind::Fund); !why.isEmpty())
        issues.append({ columnOf(FundField::ParentFund), why });
    return issues;
}
