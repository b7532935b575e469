#include "ExchangeRatesDialog.h"

#include "EditSession.h"
#include "ExchangeRateTableModel.h"
#include "TableSupport.h"
#include "Validation.h"

#include <QAction>
#include <QComboBox>
#include <QDate>
#include <QDialogButtonBox>
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
    setWindowTitle(tr("Exchange rates"));
    m_model = new ExchangeRateTableModel(session, this);
    auto *intro
        = new QLabel(tr("CNY per unit of each currency, by year. Totals in a base currency use the rate of "
                        "the value date's year. Double-click a rate or source to change it."),
            this);
    intro->setWordWrap(true);
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
    m_rate->setPlaceholderText(tr("CNY per unit, e.g. 7.1884"));
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("rateSource"));
    m_source->setPlaceholderText(tr("source"));
    auto *set = new QPushButton(tr("&Set rate"), this);
    set->setObjectName(QStringLiteral("setRate"));
    set->setAutoDefault(false);
    auto *remove = new QPushButton(tr("&Delete selected"), this);
    remove->setObjectName(QStringLiteral("deleteRate"));
    remove->setAutoDefault(false);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("rateMessage"));
    m_message->setWordWrap(true);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_currency);
    addRow->addWidget(m_year);
    addRow->addWidget(m_rate, 1);
    addRow->addWidget(m_source, 2);
    addRow->addWidget(set);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *undo = buttons->addButton(tr("&Undo"), QDialogButtonBox::ActionRole);
    auto *redo = buttons->addButton(tr("&Redo"), QDialogButtonBox::ActionRole);
    buttons->addButton(remove, QDialogButtonBox::ActionRole);
    // Enter in the rate field sets the rate; it must not also press Close.
    for (QPushButton *b : { undo, redo, buttons->button(QDialogButtonBox::Close) })
        b->setAutoDefault(false);
    QUndoStack *stack = session.undoStack();
    undo->setEnabled(stack->canUndo());
    redo->setEnabled(stack->canRedo());
    connect(stack, &QUndoStack::canUndoChanged, undo, &QPushButton::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, redo, &QPushButton::setEnabled);
    connect(undo, &QPushButton::clicked, stack, &QUndoStack::undo);
    connect(redo, &QPushButton::clicked, stack, &QUndoStack::redo);
    // The dialog is its own window: the main window's shortcuts do not reach it.
    auto *undoShortcut = new QAction(this);
    undoShortcut->setShortcut(QKeySequence::Undo);
    connect(undoShortcut, &QAction::triggered, stack, &QUndoStack::undo);
    auto *redoShortcut = new QAction(this);
    redoShortcut->setShortcuts(
        { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    connect(redoShortcut, &QAction::triggered, stack, &QUndoStack::redo);
    addActions({ undoShortcut, redoShortcut });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(new QLabel(tr("Add or replace a rate:"), this));
    layout->addLayout(addRow);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(720, 560);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(set, &QPushButton::clicked, this, &ExchangeRatesDialog::setTypedRate);
    connect(m_rate, &QLineEdit::returnPressed, this, &ExchangeRatesDialog::setTypedRate);
    connect(remove, &QPushButton::clicked, this, &ExchangeRatesDialog::deleteSelected);
    connect(m_model, &ExchangeRateTableModel::editFailed, this,
        [this](const QString &m) { showMessage(m, true); });
}

void ExchangeRatesDialog::showMessage(const QString &message, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020") : QString());
    m_message->setText(message);
}

bool ExchangeRatesDialog::setTypedRate()
{
    const QString text = m_rate->text().trimmed();
    static const QRegularExpression number(QStringLiteral("^(\\d+(\\.\\d*)?|\\.\\d+)$"));
    if (!number.match(text).hasMatch()) {
        showMessage(tr("'%1' is not a rate: write a number such as 7.1884.").arg(text), true);
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
    showMessage(tr("%1 %2 set to %3 CNY.").arg(rate.currency).arg(rate.year).arg(text), false);
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
    m_session.beginMacro(tr("Delete %1 exchange rates").arg(keys.size()));
    for (const auto &k : std::as_const(keys))
        m_session.setExchangeRate(k.first, k.second, std::nullopt);
    m_session.endMacro();
}
