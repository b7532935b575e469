#include "ExchangeRatesDialog.h"

#include "EditSession.h"
#include "ExchangeRateTableModel.h"
#include "TableSupport.h"
#include "Validation.h"

#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

ExchangeRatesDialog::ExchangeRatesDialog(EditSession &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("exchangeRatesDialog"));
    m_model = new ExchangeRateTableModel(session, this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("ratesView"));
    m_view->setModel(m_model);
    TableSupport::setUpTable(m_view, QStringLiteral("exchangeRates"));
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::SelectedClicked);
    m_view->setColumnWidth(ExchangeRateTableModel::Currency, 80);
    m_view->setColumnWidth(ExchangeRateTableModel::Year, 70);
    m_view->setColumnWidth(ExchangeRateTableModel::Rate, 110);

    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("rateCurrency"));
    QStringList codes = session.currencyDigits().keys();
    codes.removeAll(QStringLiteral("CNY"));
    codes.sort();
    if (codes.removeOne(QStringLiteral("USD")))
        codes.prepend(QStringLiteral("USD"));
    m_currency->addItems(codes);
    m_year = new QSpinBox(this);
    m_year->setObjectName(QStringLiteral("rateYear"));
    m_year->setRange(1900, 2200);
    m_year->setValue(QDate::currentDate().year());
    m_rate = new QLineEdit(this);
    m_rate->setObjectName(QStringLiteral("rateValue"));
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("rateSource"));
    m_set = new QPushButton(this);
    m_set->setObjectName(QStringLiteral("setRate"));
    m_set->setAutoDefault(false);
    m_remove = new QPushButton(this);
    m_remove->setObjectName(QStringLiteral("deleteRate"));
    m_remove->setAutoDefault(false);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("rateMessage"));
    m_message->setWordWrap(true);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_currency);
    addRow->addWidget(m_year);
    addRow->addWidget(m_rate, 1);
    addRow->addWidget(m_source, 2);
    addRow->addWidget(m_set);

    // Close is a standard button: the button box names it again itself.
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_undo = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_redo = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    buttons->addButton(m_remove, QDialogButtonBox::ActionRole);
    // Enter in the rate field sets the rate; it must not also press Close.
    for (QPushButton *b : { m_undo, m_redo, buttons->button(QDialogButtonBox::Close) })
        b->setAutoDefault(false);
    QUndoStack *stack = session.undoStack();
    m_undo->setEnabled(stack->canUndo());
    m_redo->setEnabled(stack->canRedo());
    connect(stack, &QUndoStack::canUndoChanged, m_undo, &QPushButton::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, m_redo, &QPushButton::setEnabled);
    connect(m_undo, &QPushButton::clicked, stack, &QUndoStack::undo);
    connect(m_redo, &QPushButton::clicked, stack, &QUndoStack::redo);
    // The dialog is its own window: the main window's shortcuts do not reach it.
    auto *undoShortcut = new QAction(this);
    undoShortcut->setShortcut(QKeySequence::Undo);
    connect(undoShortcut, &QAction::triggered, stack, &QUndoStack::undo);
    auto *redoShortcut = new QAction(this);
    redoShortcut->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    connect(redoShortcut, &QAction::triggered, stack, &QUndoStack::redo);
    addActions({ undoShortcut, redoShortcut });

    m_addLabel = new QLabel(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_addLabel);
    layout->addLayout(addRow);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(720, 560);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_set, &QPushButton::clicked, this, &ExchangeRatesDialog::setTypedRate);
    connect(m_rate, &QLineEdit::returnPressed, this, &ExchangeRatesDialog::setTypedRate);
    connect(m_remove, &QPushButton::clicked, this, &ExchangeRatesDialog::deleteSelected);
    connect(m_model, &ExchangeRateTableModel::editFailed, this,
        [this](const QString &m) { showMessage(m, true); });
    retranslateUi();
}

void ExchangeRatesDialog::retranslateUi()
{
    setWindowTitle(tr("Exchange rates"));
    m_intro->setText(tr("CNY per unit of each currency, by year. Totals in a base currency use the rate of "
                        "the value date's year. Double-click a rate or source to change it."));
    m_rate->setPlaceholderText(tr("CNY per unit, e.g. 7.1884"));
    // The example in the placeholder is the hint: room to read it whole in either language.
    m_rate->setMinimumWidth(m_rate->fontMetrics().horizontalAdvance(m_rate->placeholderText()) + 24);
    m_source->setPlaceholderText(tr("source"));
    m_set->setText(tr("&Set rate"));
    m_remove->setText(tr("&Delete selected"));
    m_undo->setText(tr("&Undo"));
    m_redo->setText(tr("&Redo"));
    m_addLabel->setText(tr("Add or replace a rate:"));
    if (m_messageText)
        m_message->setText(m_messageText());
}

void ExchangeRatesDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // The model's headings and tooltips are tr() texts read when shown: have them read again.
        if (const int columns = m_model->columnCount())
            Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, columns - 1);
        if (const int rows = m_model->rowCount())
            Q_EMIT m_model->dataChanged(
                m_model->index(0, 0), m_model->index(rows - 1, m_model->columnCount() - 1));
    }
}

void ExchangeRatesDialog::showMessage(std::function<QString()> message, bool error)
{
    m_messageText = std::move(message);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
    m_message->setText(m_messageText());
}

void ExchangeRatesDialog::showMessage(const QString &message, bool error)
{
    // Already translated where it was made (the session's or the model's words): kept as it is.
    showMessage([message] { return message; }, error);
}

bool ExchangeRatesDialog::setTypedRate()
{
    const QString text = m_rate->text().trimmed();
    static const QRegularExpression number(QStringLiteral("^(\\d+(\\.\\d*)?|\\.\\d+)$"));
    if (!number.match(text).hasMatch()) {
        showMessage(
            [text] { return tr("'%1' is not a rate: write a number such as 7.1884.").arg(text); }, true);
        return false;
    }
    ExchangeRate rate { m_currency->currentText(), m_year->value(), text.toDouble(),
        m_source->text().trimmed() };
    if (const QString why = Validation::rate(rate.cnyPerUnit); !why.isEmpty()) {
        showMessage(why, true);
        return false;
    }
    if (!m_session.setExchangeRate(rate.currency, rate.year, rate)) {
        showMessage(m_session.lastError(), true);
        return false;
    }
    const auto said = [currency = rate.currency, year = rate.year, text] {
        return tr("%1 %2 set to %3 CNY.").arg(currency).arg(year).arg(text);
    };
    showMessage(said, false);
    const int row = m_model->rowOf(rate.currency, rate.year);
    if (row >= 0)
        m_view->selectRow(row);
    m_rate->clear();
    return true;
}

void ExchangeRatesDialog::deleteSelected()
{
    QList<std::pair<QString, int>> keys;
    for (const QModelIndex &i : m_view->selectionModel()->selectedRows()) {
        const ExchangeRate &r = m_model->rates().at(i.row());
        keys.append({ r.currency, r.year });
    }
    if (keys.isEmpty())
        return;
    if (keys.size() == 1) {
        m_session.setExchangeRate(keys.constFirst().first, keys.constFirst().second, std::nullopt);
        return;
    }
    m_session.beginMacro(tr("Delete %n exchange rate(s)", nullptr, int(keys.size())));
    for (const auto &k : std::as_const(keys))
        m_session.setExchangeRate(k.first, k.second, std::nullopt);
    m_session.endMacro();
}
