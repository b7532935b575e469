#pragma once

#include <QTextBrowser>

#include <functional>

struct DisbursementRecord;
struct FundRecord;
struct InvesteeDetails;

/// The right-hand pane: everything about the selected record, Chinese names and sources (as
/// links that open in the system browser) included. What it shows through showDisbursement(),
/// showInvestee(), showFund() and showNothing() is shown again in the new language when the
/// interface language changes (prepared HTML given to showHtml() or setHtml() cannot be).
class DetailPane : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailPane(QWidget *parent = nullptr);

    void showDisbursement(const DisbursementRecord &record);
    void showInvestee(const InvesteeDetails &details);
    void showFund(const FundRecord &fund);
    /// Any prepared HTML.
    void showHtml(const QString &title, const QString &html);
    void showNothing();

    static QString escaped(const QString &text);
    /// " | "-separated source URLs as a list of links.
    static QString sourcesHtml(const QString &sources);

protected:
    void changeEvent(QEvent *event) override;

private:
    static QString disbursementHtml(const DisbursementRecord &record);
    /// Shows what `build` makes now and remembers it for the next change of language.
    void display(std::function<QString()> build);

    std::function<QString()> m_build;
    /// The document as display() left it: anything else (setHtml() from outside) is not rebuilt.
    QString m_shown;
};
