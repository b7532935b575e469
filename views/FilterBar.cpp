#include "FilterBar.h"

#include "ChartTheme.h"
#include "Format.h"
#include "NameCatalog.h"
#include "SharedFilter.h"
#include "Vocabulary.h"
#include "VocabularyItem.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

const QRegularExpression &partialDate()
{
    static const QRegularExpression re(QStringLiteral("^\\d{0,4}(-\\d{0,2}(-\\d{0,2})?)?$"));
    return re;
}

bool complete(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
    return text.isEmpty() || re.match(text).hasMatch();
}

} // namespace

FilterBar::FilterBar(SharedFilter &filter, const NameCatalog &names, QWidget *parent)
    : QWidget(parent), m_filter(filter), m_names(names)
{
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("filterText"));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(200);
    m_from = new QLineEdit(this);
    m_to = new QLineEdit(this);
    for (QLineEdit *date : { m_from, m_to }) {
        date->setValidator(new QRegularExpressionValidator(partialDate(), date));
        date->setMaximumWidth(120);
        date->setClearButtonEnabled(true);
    }

    m_types = addWordMenu(Vocabulary::eventTypes());
    m_statuses = addWordMenu(Vocabulary::statuses());
    m_confidences = addWordMenu(Vocabulary::confidences());
    m_sectors = addWordMenu({});
    m_regions = addWordMenu({});

    m_currency = new QComboBox(this);
    m_currency->addItems({ QStringLiteral("CNY"), QStringLiteral("USD") });

    m_clear = new QPushButton(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("filterSummary"));

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_text, 1);
    top->addWidget(m_currency);
    top->addWidget(m_clear);
    auto *narrow = new QHBoxLayout;
    narrow->setContentsMargins(0, 0, 0, 0);
    m_fromLabel = new QLabel(this);
    m_toLabel = new QLabel(this);
    narrow->addWidget(m_fromLabel);
    narrow->addWidget(m_from);
    narrow->addWidget(m_toLabel);
    narrow->addWidget(m_to);
    for (QToolButton *b : { m_types, m_statuses, m_confidences, m_sectors, m_regions })
        narrow->addWidget(b);
    narrow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 2);
    layout->setSpacing(3);
    layout->addLayout(top);
    layout->addLayout(narrow);
    layout->addWidget(m_summary);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::applyFromWidgets);
    connect(m_text, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_text, &QLineEdit::returnPressed, this, &FilterBar::applyFromWidgets);
    for (QLineEdit *date : { m_from, m_to }) {
        connect(date, &QLineEdit::editingFinished, this, &FilterBar::applyFromWidgets);
        connect(date, &QLineEdit::textChanged, this, [this, date](const QString &text) {
            if (text.isEmpty())
                applyFromWidgets();
            date->setStyleSheet(complete(text) ? QString() : QStringLiteral("color: #b00020"));
        });
    }
    connect(m_currency, &QComboBox::currentTextChanged, this, &FilterBar::applyFromWidgets);
    connect(m_clear, &QPushButton::clicked, &m_filter, &SharedFilter::clear);
    connect(&m_filter, &SharedFilter::changed, this, &FilterBar::showFilter);
    retranslateUi();
}

void FilterBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void FilterBar::retranslateUi()
{
    m_text->setPlaceholderText(tr("Search names (English or Chinese) or tickers — Ctrl+F"));
    for (QLineEdit *date : { m_from, m_to })
        date->setPlaceholderText(tr("YYYY[-MM[-DD]]"));
    m_from->setToolTip(tr("Earliest value date, inclusive"));
    m_to->setToolTip(tr("Latest value date, inclusive"));
    m_fromLabel->setText(tr("From", "a date range"));
    m_toLabel->setText(tr("to", "a date range"));
    m_currency->setToolTip(tr("Base currency for totals (converted at the value date's yearly rate)"));
    m_clear->setText(tr("Clear filter"));
    m_clear->setToolTip(tr("Remove every restriction"));
    for (QToolButton *button : { m_types, m_statuses, m_confidences, m_sectors, m_regions }) {
        // A word in the interface language (the filter keeps the word itself), or a sector's or
        // region's names in the interface language's order.
        for (QAction *a : button->menu()->actions()) {
            const QVariant word = a->property("word");
            a->setText(word.isValid() ? Format::vocabulary(word.toString())
                                      : ChartTheme::bilingual(a->property("name").toString(),
                                                              a->property("nameZh").toString(), QStringLiteral("  ")));
        }
    }
    // The buttons' titles (with the count of what is checked) and the summary in words.
    showFilter(m_filter.filter());
}

QToolButton *FilterBar::addWordMenu(const QStringList &words)
{
    auto *button = new QToolButton(this);
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    for (const QString &word : words) {
        QAction *a = menu->addAction(QString()); // named in retranslateUi()
        a->setCheckable(true);
        a->setData(word);
        a->setProperty("word", word);
        connect(a, &QAction::toggled, this, &FilterBar::applyFromWidgets);
    }
    button->setMenu(menu);
    return button;
}

void FilterBar::setVocabularies(const QList<VocabularyItem> &sectors, const QList<VocabularyItem> &regions)
{
    const std::pair<QToolButton *, const QList<VocabularyItem> *> menus[] = { { m_sectors, &sectors },
                                                                             { m_regions, &regions } };
    for (const auto &[button, items] : menus) {
        QMenu *menu = button->menu();
        menu->clear();
        for (const VocabularyItem &item : *items) {
            QAction *a = menu->addAction(ChartTheme::bilingual(item.name, item.nameZh, QStringLiteral("  ")));
            // Both names kept, so that a change of language can put the other one first.
            a->setProperty("name", item.name);
            a->setProperty("nameZh", item.nameZh);
            a->setCheckable(true);
            a->setData(item.id);
            connect(a, &QAction::toggled, this, &FilterBar::applyFromWidgets);
        }
    }
    showFilter(m_filter.filter());
}

void FilterBar::focusSearch()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

QStringList FilterBar::checkedWords(const QMenu *menu)
{
    QStringList words;
    for (const QAction *a : menu->actions()) {
        if (a->isChecked())
            words.append(a->data().toString());
    }
    return words;
}

QList<qint64> FilterBar::checkedIds(const QMenu *menu)
{
    QList<qint64> ids;
    for (const QAction *a : menu->actions()) {
        if (a->isChecked())
            ids.append(a->data().toLongLong());
    }
    return ids;
}

void FilterBar::applyFromWidgets()
{
    if (m_updating)
        return;
    Filter f = m_filter.filter();
    f.text = m_text->text().trimmed();
    if (complete(m_from->text()))
        f.from = m_from->text();
    if (complete(m_to->text()))
        f.to = m_to->text();
    f.types = checkedWords(m_types->menu());
    f.statuses = checkedWords(m_statuses->menu());
    f.confidences = checkedWords(m_confidences->menu());
    // Ids set by a drill-down that the menus do not list (a city, say) stay in the filter.
    auto keepUnlisted = [](const QMenu *menu, const QList<qint64> &old) {
        QList<qint64> ids = checkedIds(menu);
        for (qint64 id : old) {
            const auto actions = menu->actions();
            const bool listed = std::any_of(actions.begin(), actions.end(),
                                            [id](const QAction *a) { return a->data().toLongLong() == id; });
            if (!listed)
                ids.append(id);
        }
        return ids;
    };
    f.sectors = keepUnlisted(m_sectors->menu(), f.sectors);
    f.regions = keepUnlisted(m_regions->menu(), f.regions);
    f.currency = m_currency->currentText();
    m_filter.setFilter(f);
}

void FilterBar::showFilter(const Filter &f)
{
    m_updating = true;
    if (m_text->text().trimmed() != f.text)
        m_text->setText(f.text);
    m_debounce->stop();
    m_from->setText(f.from);
    m_to->setText(f.to);
    auto check = [](QToolButton *button, auto contains, int count, const QString &title) {
        for (QAction *a : button->menu()->actions()) {
            const QSignalBlocker block(a);
            a->setChecked(contains(a->data()));
        }
        button->setText(count ? QStringLiteral("%1 (%2)").arg(title).arg(count) : title);
    };
    check(m_types, [&](const QVariant &v) { return f.types.contains(v.toString()); }, int(f.types.size()), tr("Type"));
    check(m_statuses, [&](const QVariant &v) { return f.statuses.contains(v.toString()); }, int(f.statuses.size()),
          tr("Status"));
    check(m_confidences, [&](const QVariant &v) { return f.confidences.contains(v.toString()); },
          int(f.confidences.size()), tr("Confidence"));
    check(m_sectors, [&](const QVariant &v) { return f.sectors.contains(v.toLongLong()); }, int(f.sectors.size()),
          tr("Sector"));
    check(m_regions, [&](const QVariant &v) { return f.regions.contains(v.toLongLong()); }, int(f.regions.size()),
          tr("Region"));
    m_currency->setCurrentText(f.currency);
    m_summary->setText(tr("Showing: %1").arg(m_names.describe(f)));
    m_updating = false;
}
