#pragma once

#include "Filter.h"

#include <QWidget>

class NameCatalog;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;
class SharedFilter;
struct VocabularyItem;

/// The bar above the pages that edits the shared filter: text (debounced), date range, menus of
/// types, statuses, confidence, sectors and regions, the base currency, a Clear button, and a
/// line that always shows what is active. It follows changes made elsewhere (drill-down,
/// navigator) without echoing them back.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    FilterBar(SharedFilter &filter, const NameCatalog &names, QWidget *parent = nullptr);

    /// Fills the sector and region menus (after the database changed).
    void setVocabularies(const QList<VocabularyItem> &sectors, const QList<VocabularyItem> &regions);
    /// Ctrl+F lands here.
    void focusSearch();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFromWidgets();
    void showFilter(const Filter &filter);
    QToolButton *addWordMenu(const QStringList &words);
    static QStringList checkedWords(const QMenu *menu);
    static QList<qint64> checkedIds(const QMenu *menu);

    SharedFilter &m_filter;
    const NameCatalog &m_names;
    QLineEdit *m_text = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QToolButton *m_types = nullptr;
    QToolButton *m_statuses = nullptr;
    QToolButton *m_confidences = nullptr;
    QToolButton *m_sectors = nullptr;
    QToolButton *m_regions = nullptr;
    QComboBox *m_currency = nullptr;
    QPushButton *m_clear = nullptr;
    QLabel *m_fromLabel = nullptr;
    QLabel *m_toLabel = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_debounce = nullptr;
    bool m_updating = false;
};
