#include "RecordForm.h"

#include "EditSession.h"
#include "Format.h"
#include "Validation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

RecordForm::RecordForm(EditSession &session, RecordKind kind, qint64 id, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_kind(kind)
    , m_id(id)
{
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("formSummary"));
    m_summary->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    okButton()->setText(id == 0 ? tr("&Add") : tr("&Save"));
    okButton()->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RecordForm::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RecordForm::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    setMinimumWidth(620);
}

QPushButton *RecordForm::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void RecordForm::addRow(
    const QString &label, QWidget *editor, const QStringList &columns, const QList<QWidget *> &focusOrder)
{
    m_focusChain += focusOrder.isEmpty() ? QList<QWidget *> { editor } : focusOrder;
    auto *message = new QLabel(this);
    message->setObjectName(QStringLiteral("message_") + columns.value(0));
    message->setWordWrap(true);
    message->setStyleSheet(QStringLiteral("color: #b00020"));
    message->hide();
    auto *cell = new QWidget(this);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(editor);
    cellLayout->addWidget(message);
    m_form->addRow(label, cell);
    for (const QString &column : columns)
        m_messages.insert(column, message);
}

void RecordForm::finishSetup()
{
    if (m_id != 0) {
        if (const auto row = m_session.records().values(m_kind, m_id))
            m_original = *row;
    }
    // Widgets were created in a different order than the rows: make Tab follow the rows.
    QList<QWidget *> chain = m_focusChain;
    chain << okButton() << m_buttons->button(QDialogButtonBox::Cancel);
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
    if (!m_focusChain.isEmpty())
        m_focusChain.constFirst()->setFocus(Qt::OtherFocusReason);
    m_ready = true;
    revalidate();
}

void RecordForm::touched(const QStringList &columns)
{
    for (const QString &c : columns)
        m_touched.insert(c);
    revalidate();
}

void RecordForm::revalidate()
{
    if (!m_ready)
        return;
    QList<FieldIssue> issues = formIssues();
    QSet<QString> flagged;
    for (const FieldIssue &i : std::as_const(issues))
        flagged.insert(i.column);
    RowValues row = values();
    row.id = m_id;
    for (const FieldIssue &i : m_session.records().validate(row)) {
        if (!flagged.contains(i.column) && !ignores(i))
            issues.append(i);
    }
    m_issues = issues;

    QHash<QLabel *, QString> shown;
    QStringList pending;
    for (const FieldIssue &i : std::as_const(issues)) {
        QLabel *label = m_messages.value(i.column);
        const bool visible = m_touched.contains(i.column) || m_triedSubmit || m_id != 0;
        if (label && visible) {
            if (!shown.contains(label))
                shown.insert(label, i.message);
        } else {
            pending.append(i.message);
        }
    }
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        const QString text = shown.value(it.value());
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
    }
    // The messages are sentences: one after another, with the space (or none, in Chinese) the
    // language puts between them.
    QString needed;
    for (const QString &message : std::as_const(pending))
        needed = needed.isEmpty() ? message : tr("%1 %2", "one sentence, then the next").arg(needed, message);
    m_summary->setStyleSheet(QString());
    m_summary->setText(needed.isEmpty() ? QString() : tr("Still needed: %1").arg(needed));
    okButton()->setEnabled(issues.isEmpty());
}

void RecordForm::accept()
{
    m_triedSubmit = true;
    revalidate();
    if (!m_issues.isEmpty())
        return;
    RowValues row = values();
    row.id = m_id;
    QString error;
    if (!submit(row, &error)) {
        m_summary->setStyleSheet(QStringLiteral("color: #b00020"));
        m_summary->setText(tr("Not saved: %1").arg(error));
        return;
    }
    QDialog::accept();
}

bool RecordForm::submit(RowValues row, QString *error)
{
    if (m_id == 0) {
        row.id = 0;
        if (!m_session.addRecord(row)) {
            *error = m_session.lastError();
            return false;
        }
        m_id = row.id;
        return true;
    }
    auto empty = [](const QString &column, const QVariant &v) {
        return !v.isValid() || v.isNull() || v.toString().isEmpty()
            || (column.endsWith(QLatin1String("_id")) && v.toLongLong() == 0);
    };
    QVariantMap changes;
    for (const QString &column : RecordFields::columns(m_kind)) {
        const QVariant now = row.value(column);
        const QVariant before = m_original.value(column);
        const bool nowEmpty = empty(column, now);
        const bool beforeEmpty = empty(column, before);
        if (nowEmpty != beforeEmpty || (!nowEmpty && now.toString() != before.toString()))
            changes.insert(column, now);
    }
    if (changes.isEmpty() || m_session.editRecord(m_kind, m_id, changes))
        return true;
    *error = m_session.lastError();
    return false;
}

QLineEdit *RecordForm::lineEdit(const QString &objectName, const QString &placeholder)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QPlainTextEdit *RecordForm::notesEdit(const QString &objectName)
{
    auto *edit = new QPlainTextEdit(this);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true); // keyboard users move on with Tab
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    return edit;
}

QComboBox *RecordForm::wordBox(const QString &objectName, const QStringList &words)
{
    auto *box = new QComboBox(this);
    box->setObjectName(objectName);
    // The stored word is the item's data; the user reads it in the interface's language.
    for (const QString &word : words)
        box->addItem(Format::vocabulary(word), word);
    return box;
}

QString RecordForm::word(const QComboBox *box)
{
    return box->currentData().toString();
}

void RecordForm::selectWord(QComboBox *box, const QString &word)
{
    if (const int index = box->findData(word); index >= 0)
        box->setCurrentIndex(index);
}

void RecordForm::fillItems(QComboBox *box, const QList<VocabularyItem> &items, const QString &noneText)
{
    box->clear();
    if (!noneText.isEmpty())
        box->addItem(noneText, qint64(0));
    for (const VocabularyItem &item : items)
        box->addItem(
            item.nameZh.isEmpty() ? item.name : item.name + QStringLiteral("  ") + item.nameZh, item.id);
}

QComboBox *RecordForm::itemBox(
    const QString &objectName, const QList<VocabularyItem> &items, const QString &noneText)
{
    auto *box = new QComboBox(this);
    box->setObjectName(objectName);
    box->setMaxVisibleItems(20);
    fillItems(box, items, noneText);
    return box;
}

qint64 RecordForm::itemId(const QComboBox *box)
{
    return box->currentData().toLongLong();
}

void RecordForm::selectItem(QComboBox *box, qint64 id)
{
    const int i = box->findData(id);
    box->setCurrentIndex(i >= 0 ? i : 0);
}

QVariant RecordForm::textOrNull(const QString &text)
{
    const QString t = text.trimmed();
    return t.isEmpty() ? QVariant() : QVariant(t);
}

RecordForm::RegionBoxes RecordForm::addRegionRows()
{
    const RecordLookup vocabulary = m_session.records();
    m_provinces = vocabulary.provinces();
    m_cities = vocabulary.cities();
    RegionBoxes boxes;
    boxes.country = itemBox(QStringLiteral("country"), vocabulary.countries(), tr("— unknown —"));
    boxes.province = itemBox(QStringLiteral("province"), {}, tr("—"));
    boxes.city = itemBox(QStringLiteral("city"), {}, tr("—"));
    // Funds and investees both carry a country, a province and a city.
    const bool fund = m_kind == RecordKind::Fund;
    const QString country = fund ? columnOf(FundField::Country) : columnOf(InvesteeField::Country);
    const QString province = fund ? columnOf(FundField::Province) : columnOf(InvesteeField::Province);
    const QString city = fund ? columnOf(FundField::City) : columnOf(InvesteeField::City);
    addRow(tr("Country"), boxes.country, { country });
    addRow(tr("Province"), boxes.province, { province });
    addRow(tr("City"), boxes.city, { city });
    connect(boxes.country, &QComboBox::currentIndexChanged, this, [this, boxes, country] {
        QList<VocabularyItem> provinces;
        for (const VocabularyItem &p : std::as_const(m_provinces)) {
            if (p.parentId == itemId(boxes.country))
                provinces.append(p);
        }
        fillItems(boxes.province, provinces, tr("—"));
        boxes.province->setEnabled(!provinces.isEmpty());
        touched({ country });
    });
    connect(boxes.province, &QComboBox::currentIndexChanged, this, [this, boxes, province] {
        QList<VocabularyItem> cities;
        for (const VocabularyItem &c : std::as_const(m_cities)) {
            if (c.parentId == itemId(boxes.province) && itemId(boxes.province) != 0)
                cities.append(c);
        }
        fillItems(boxes.city, cities, tr("—"));
        boxes.city->setEnabled(!cities.isEmpty());
        touched({ province });
    });
    connect(boxes.city, &QComboBox::currentIndexChanged, this,
        [this, city] { touched({ city }); });
    boxes.province->setEnabled(false);
    boxes.city->setEnabled(false);
    return boxes;
}

RowValues RecordForm::emptyRow() const
{
    RowValues row;
    row.kind = m_kind;
    row.id = m_id;
    return row;
}

void RecordForm::selectRegion(const RegionBoxes &boxes, qint64 country, qint64 province, qint64 city)
{
    selectItem(boxes.country, country);
    selectItem(boxes.province, province);
    selectItem(boxes.city, city);
}

void RecordForm::writeRegion(const RegionBoxes &boxes, RowValues &row)
{
    if (row.kind == RecordKind::Fund) {
        row.set(FundField::Country, itemId(boxes.country));
        row.set(FundField::Province, itemId(boxes.province));
        row.set(FundField::City, itemId(boxes.city));
    } else {
        row.set(InvesteeField::Country, itemId(boxes.country));
        row.set(InvesteeField::Province, itemId(boxes.province));
        row.set(InvesteeField::City, itemId(boxes.city));
    }
}
