#pragma once

#include <QDialog>

#include <functional>

class EditDelegate;
class EditSession;
class ExchangeRateTableModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

/// Exchange rates, viewable and editable: the table (rate and source edit in place), a row to
/// add or replace a rate for a currency and year, Delete for the selected rates, and Undo/Redo
/// buttons (the same undo stack as the main window: every change is one SetExchangeRate step).
/// It is not modal, so it may be open while the interface language changes: it re-translates.
class ExchangeRatesDialog : public QDialog
{
    Q_OBJECT
public:
    ExchangeRatesDialog(EditSession &session, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    ExchangeRateTableModel *model() const { return m_model; }
    QComboBox *currencyBox() const { return m_currency; }
    QSpinBox *yearBox() const { return m_year; }
    QLineEdit *rateEdit() const { return m_rate; }
    QLineEdit *sourceEdit() const { return m_source; }
    /// Stores the rate typed in the add row; false with the message shown when it was refused.
    bool setTypedRate();
    void deleteSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    /// Shows what `message` says now, and again in the new language after a change of it.
    void showMessage(std::function<QString()> message, bool error);
    void showMessage(const QString &message, bool error);

    EditSession &m_session;
    ExchangeRateTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_currency = nullptr;
    QSpinBox *m_year = nullptr;
    QLineEdit *m_rate = nullptr;
    QLineEdit *m_source = nullptr;
    QLabel *m_message = nullptr;
    std::function<QString()> m_messageText;
    QLabel *m_intro = nullptr;
    QLabel *m_addLabel = nullptr;
    QPushButton *m_set = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_redo = nullptr;
};
