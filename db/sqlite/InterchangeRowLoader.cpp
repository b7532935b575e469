#include "InterchangeRowLoader.h"

#include "AmountParser.h"
#include "InterchangeFields.h"

#include <QCoreApplication>

using InterchangeFields::borrowed;
using InterchangeFields::text;

bool InterchangeRowLoader::skipRepeat(int column, const QString &skipColumn, const QString &why)
{
    if (m_session.options().duplicates != DuplicatePolicy::Fail && m_session.rowOk()) {
        m_session.skipDuplicate(skipColumn, why);
        return true;
    }
    rowIssue(column, why);
    return false;
}

void InterchangeRowLoader::rememberRejected(QHash<QByteArray, QString> &rejected, const QByteArray &key)
{
    rejected.insert(key, m_session.where());
}

qint64 InterchangeRowLoader::readFund(int column, const QString &missing)
{
    const QByteArrayView fund = value(column);
    qint64 fundId = fund.isEmpty() ? 0 : m_names.funds().value(borrowed(fund));
    if (!fund.isEmpty() && fundId == 0 && !m_names.rejectedFunds().contains(borrowed(fund)))
        fundId = m_names.resolveName(QStringLiteral("fund"), QByteArrayView(), 0, fund);
    if (fund.isEmpty())
        rowIssue(column, missing);
    else if (fundId == 0)
        rowIssue(column,
            m_names.rejectedHint(
                QCoreApplication::translate("InterchangeLoader", "unknown fund '%1'").arg(text(fund)),
                m_names.rejectedFunds(), fund));
    return fundId;
}

void InterchangeRowLoader::readDate(int column, int *packed)
{
    if (value(column).isEmpty())
        return;
    if (const QString why = InterchangeFields::parsePartialDate(value(column), packed); !why.isEmpty())
        rowIssue(column, why);
}

int InterchangeRowLoader::readWord(int column, const std::vector<const char *> &words, const char *message)
{
    const int word = InterchangeFields::matchWord(value(column), words);
    if (word < 0)
        rowIssue(column,
            QCoreApplication::translate("InterchangeLoader", message)
                .arg(text(value(column)), InterchangeFields::wordList(words)));
    return word;
}

bool InterchangeRowLoader::readMoney(int amountCol, int currencyCol, qint64 *amount, QByteArray *currency, int *currencyIndex)
{
    const QByteArrayView amountText = value(amountCol);
    // Upper-cased on the stack: no allocation per row for the usual three letters.
    const QByteArrayView codeText = value(currencyCol);
    char upper[8];
    QByteArray code;
    if (codeText.size() <= qsizetype(sizeof upper)) {
        for (qsizetype i = 0; i < codeText.size(); ++i)
            upper[i] = (codeText[i] >= 'a' && codeText[i] <= 'z') ? char(codeText[i] - 32) : codeText[i];
        code = QByteArray::fromRawData(upper, codeText.size());
    } else {
        code = codeText.toByteArray().toUpper();
    }
    bool ok = true;
    NameResolver::CurrencyInfo cur;
    if (!code.isEmpty()) {
        const auto it = m_names.currencies().constFind(code);
        if (it == m_names.currencies().constEnd()) {
            rowIssue(currencyCol,
                QCoreApplication::translate(
                    "InterchangeLoader", "unknown currency '%1' (an ISO 4217 code such as CNY, USD, HKD)")
                    .arg(text(value(currencyCol))));
            ok = false;
        } else {
            cur = it.value();
        }
    }
    *amount = -1;
    currency->clear();
    *currencyIndex = -1;
    if (amountText.isEmpty())
        return ok; // undisclosed: a currency on its own is dropped
    // Without a known currency the precision cannot be judged: the amount's form still is.
    const int digits = cur.index >= 0 ? cur.minorDigits : 0;
    const AmountParser::Result parsed = AmountParser::parseUtf8(amountText, digits);
    if (parsed.ok) {
        *amount = parsed.minor;
    } else if (cur.index >= 0 || parsed.problem != AmountParser::Problem::TooPrecise) {
        // The parser's words suit a form; in a file, undisclosed is spelled as an empty field.
        rowIssue(amountCol,
            parsed.problem == AmountParser::Problem::Zero ? QCoreApplication::translate(
                "InterchangeLoader", "amount '%1' is zero (leave it empty when it is undisclosed)")
                                                                .arg(text(amountText))
                                                          : parsed.error);
        ok = false;
    }
    if (code.isEmpty()) {
        rowIssue(currencyCol,
            QCoreApplication::translate("InterchangeLoader", "the amount %1 has no currency")
                .arg(text(amountText)));
        ok = false;
    }
    if (ok) {
        *currency = m_names.currencyCodes().at(cur.index); // shared, unlike the stack bytes of code
        *currencyIndex = cur.index;
    }
    return ok;
}
