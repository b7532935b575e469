#include "ImportCheckPage.h"

#include "Database.h"
#include "RecordLookup.h"
#include "ImportIssueModel.h"
#include "ImportRunner.h"
#include "ImportWizard.h"
#include "NameSearchModel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCompleter>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

ImportCheckPage::ImportCheckPage(ImportWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setTitle(tr("Check"));
    setSubTitle(tr("Every row is read and checked; nothing is stored yet."));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("checkSummary"));
    m_summary->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);

    m_problemModel = new ImportIssueModel(this);
    m_problems = new QTableView(this);
    m_problems->setObjectName(QStringLiteral("checkProblems"));
    m_problems->setModel(m_problemModel);
    m_problems->horizontalHeader()->setStretchLastSection(true);
    m_problems->verticalHeader()->hide();
    m_problems->setWordWrap(false);
    m_problems->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problems->setColumnWidth(ImportIssueModel::FileColumn, 180);
    m_problems->setColumnWidth(ImportIssueModel::LineColumn, 70);
    m_problems->setColumnWidth(ImportIssueModel::FieldColumn, 110);

    m_names = new QTableWidget(0, 5, this);
    m_names->setObjectName(QStringLiteral("checkNames"));
    m_names->setHorizontalHeaderLabels(
        { tr("Unknown"), tr("Name"), tr("Rows"), tr("Action"), tr("Existing name") });
    m_names->horizontalHeader()->setStretchLastSection(true);
    m_names->verticalHeader()->hide();
    m_names->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *choices = new QGroupBox(tr("When rows have problems"), this);
    m_nothing = new QRadioButton(tr("Import &nothing (fix the file first)"), choices);
    m_nothing->setObjectName(QStringLiteral("importNothing"));
    m_validRows = new QRadioButton(tr("Import the &valid rows, leave out the others"), choices);
    m_validRows->setObjectName(QStringLiteral("importValidRows"));
    m_nothing->setChecked(true);
    m_duplicates = new QComboBox(choices);
    m_duplicates->setObjectName(QStringLiteral("duplicates"));
    m_duplicates->addItem(tr("are problems"), int(DuplicatePolicy::Fail));
    m_duplicates->addItem(tr("are skipped"), int(DuplicatePolicy::Skip));
    m_duplicates->addItem(tr("are kept (stored again)"), int(DuplicatePolicy::Keep));
    m_again = new QPushButton(tr("Check &again"), choices);
    auto *choiceLayout = new QVBoxLayout(choices);
    choiceLayout->addWidget(m_nothing);
    choiceLayout->addWidget(m_validRows);
    auto *dupRow = new QHBoxLayout;
    auto *dupLabel
        = new QLabel(tr("&Duplicates (same fund, phase, investee, date, type and amount):"), choices);
    dupLabel->setBuddy(m_duplicates);
    dupRow->addWidget(dupLabel);
    dupRow->addWidget(m_duplicates);
    dupRow->addStretch(1);
    dupRow->addWidget(m_again);
    choiceLayout->addLayout(dupRow);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_problems);
    split->addWidget(m_names);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(split, 1);
    layout->addWidget(choices);

    registerField(QStringLiteral("importValidRows"), m_validRows);
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Import"));
    connect(m_again, &QPushButton::clicked, this, &ImportCheckPage::check);
    connect(m_nothing, &QRadioButton::toggled, this, &ImportCheckPage::completeChanged);
    connect(m_duplicates, &QComboBox::currentIndexChanged, this, &ImportCheckPage::check);
}

void ImportCheckPage::initializePage()
{
    m_report = LoadReport();
    m_checked = false;
    m_wizard->options().names.clear();
    m_names->setRowCount(0);
    check();
}

void ImportCheckPage::cleanupPage()
{
    if (m_checking)
        m_wizard->runner().cancel();
}

void ImportCheckPage::updateOptions()
{
    ImportOptions &options = m_wizard->options();
    options.duplicates = DuplicatePolicy(m_duplicates->currentData().toInt());
    options.names.clear();
    for (int row = 0; row < m_names->rowCount(); ++row) {
        const QString key = m_names->item(row, NameKindColumn)->data(Qt::UserRole).toString();
        auto *action = qobject_cast<QComboBox *>(m_names->cellWidget(row, NameActionColumn));
        auto *target = qobject_cast<QLineEdit *>(m_names->cellWidget(row, NameTargetColumn));
        if (!action || action->currentIndex() == 0)
            continue;
        if (action->currentIndex() == 1)
            options.names.insert(key, { NameResolution::Action::Create, QString() });
        else if (target && !target->text().trimmed().isEmpty())
            options.names.insert(key, { NameResolution::Action::MapTo, target->text().trimmed() });
    }
}

void ImportCheckPage::check()
{
    if (m_checking)
        return;
    if (m_names->rowCount() > 0)
        updateOptions();
    else
        m_wizard->options().duplicates = DuplicatePolicy(m_duplicates->currentData().toInt());
    ImportOptions options = m_wizard->options();
    options.dryRun = true;
    options.skipInvalid = true; // to count the valid rows and list every problem at once
    ImportRunner &runner = m_wizard->runner();
    disconnect(&runner, nullptr, this, nullptr);
    connect(&runner, &ImportRunner::progress, this, [this](const ImportProgress &p, double rate) {
        m_progress->setValue(p.totalBytes > 0 ? int(1000 * p.bytes / p.totalBytes) : 0);
        m_summary->setText(tr("Checking… %L1 rows read (%L2 rows/s)").arg(p.rows).arg(qRound64(rate)));
    });
    connect(&runner, &ImportRunner::finished, this, &ImportCheckPage::finished);
    if (!runner.start(m_wizard->database().path(), m_wizard->sources(), options))
        return;
    m_checking = true;
    m_progress->setValue(0);
    m_progress->show();
    m_again->setEnabled(false);
    m_summary->setText(tr("Checking…"));
    Q_EMIT completeChanged();
}

void ImportCheckPage::finished(const LoadReport &report)
{
    disconnect(&m_wizard->runner(), nullptr, this, nullptr);
    m_checking = false;
    m_checked = !report.cancelled;
    m_report = report;
    m_progress->hide();
    m_again->setEnabled(true);

    m_problemModel->setReport(report);

    const qint64 valid = report.totalInserted();
    QString text;
    if (report.cancelled)
        text = tr("The check was cancelled.");
    else if (!report.errors.isEmpty())
        text = tr("<b>The files cannot be imported as they are:</b> %n problem(s) concern whole files or the "
                  "database (listed first).",
            "", int(report.errors.size()));
    else if (report.rejectedRows == 0)
        text = tr("<b>Every row is valid: %n row(s).</b>", "", int(valid));
    else
        text = tr("<b>Valid rows: %L1. Rows with problems: %L2</b> (%n problem(s) listed below, by line and "
                  "column).",
            "", int(report.rejected.size() + report.unlistedRejected))
                   .arg(valid)
                   .arg(report.rejectedRows);
    if (report.duplicateRows > 0)
        text = tr("%1 %2", "one sentence, then the next")
                   .arg(text, tr("Duplicates to skip: %L1.").arg(report.duplicateRows));
    m_summary->setText(text);
    fillNames();
    Q_EMIT completeChanged();
}

void ImportCheckPage::attachCompleter(QLineEdit *target, const UnknownName &unknown)
{
    const RecordLookup records(m_wizard->database());
    auto *completer = new QCompleter(target);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    if (unknown.kind == QLatin1String("phase")) {
        QStringList labels;
        for (const FundRecord &f : records.funds()) {
            if (f.name == unknown.fund || f.nameZh == unknown.fund) {
                for (const PhaseRecord &p : f.phases)
                    labels.append(p.label);
            }
        }
        completer->setModel(new QStringListModel(labels, completer));
        completer->setFilterMode(Qt::MatchContains);
    } else {
        const bool fund = unknown.kind == QLatin1String("fund");
        auto *model = new NameSearchModel(
            [records, fund](const QString &text, int limit) {
                return fund ? records.searchFunds(text, limit) : records.searchInvestees(text, limit);
            },
            completer);
        completer->setModel(model);
        completer->setCompletionRole(NameSearchModel::NameRole);
        completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
        connect(target, &QLineEdit::textEdited, model, &NameSearchModel::setText);
    }
    target->setCompleter(completer);
}

// Unknown names keep their answers across checks; new ones are added with "leave as a problem".
void ImportCheckPage::fillNames()
{
    QHash<QString, int> rowOfKey;
    for (int row = 0; row < m_names->rowCount(); ++row)
        rowOfKey.insert(m_names->item(row, NameKindColumn)->data(Qt::UserRole).toString(), row);
    for (const UnknownName &unknown : m_report.unknownNames) {
        const QString key = unknown.key();
        if (rowOfKey.contains(key)) {
            m_names->item(rowOfKey.value(key), NameRowsColumn)->setData(Qt::DisplayRole, unknown.rows);
            continue;
        }
        const int row = m_names->rowCount();
        m_names->insertRow(row);
        auto *kind = new QTableWidgetItem(unknown.kind == QLatin1String("fund") ? tr("fund")
                : unknown.kind == QLatin1String("phase")                        ? tr("phase")
                                                                                : tr("investee"));
        kind->setData(Qt::UserRole, key);
        m_names->setItem(row, NameKindColumn, kind);
        auto *name = new QTableWidgetItem(unknown.fund.isEmpty()
                ? unknown.name
                : QStringLiteral("%1 — %2").arg(unknown.fund, unknown.name));
        name->setToolTip(tr("First used at %1").arg(unknown.firstPlace));
        m_names->setItem(row, NameColumn, name);
        auto *count = new QTableWidgetItem;
        count->setData(Qt::DisplayRole, unknown.rows);
        m_names->setItem(row, NameRowsColumn, count);
        auto *action = new QComboBox(m_names);
        action->setObjectName(QStringLiteral("nameAction%1").arg(row));
        action->addItems({ tr("Leave as a problem"), tr("Create it"), tr("Map to existing") });
        m_names->setCellWidget(row, NameActionColumn, action);
        auto *target = new QLineEdit(m_names);
        target->setObjectName(QStringLiteral("nameTarget%1").arg(row));
        target->setPlaceholderText(tr("existing name"));
        target->setEnabled(false);
        attachCompleter(target, unknown);
        m_names->setCellWidget(row, NameTargetColumn, target);
        connect(action, &QComboBox::currentIndexChanged, target,
            [target](int index) { target->setEnabled(index == 2); });
    }
    m_names->resizeColumnsToContents();
    m_names->setVisible(m_names->rowCount() > 0);
}

bool ImportCheckPage::isComplete() const
{
    if (m_checking || !m_checked || !m_report.errors.isEmpty())
        return false;
    if (m_report.rejectedRows > 0 && !m_validRows->isChecked())
        return false;
    return m_report.totalInserted() > 0;
}
