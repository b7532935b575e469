#pragma once

#include <QTextBrowser>

struct DisbursementRecord;

/// The right-hand pane: everything about the selected record, Chinese names and sources (as
/// links that open in the system browser) included.
class DetailPane : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);

    void showDisbursement(const DisbursementRecord &record);
    /// Any prepared HTML (investee and fund details are assembled by their pages).
    void showHtml(const QString &title, const QString &html);
    void showNothing();

    static QString escaped(const QString &text);
    /// " | "-separated source URLs as a list of links.
    static QString sourcesHtml(const QString &sources);
};
