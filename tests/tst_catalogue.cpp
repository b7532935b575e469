#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The zh_CN catalogue is complete: lupdate runs over every translated source into a copy of the
// committed .ts, so a string added to the code without a translation shows as unfinished there.
// Each message must be finished, keep every placeholder of its source (%1, %L2, %n: a dropped one
// silently loses a figure) and keep a keyboard accelerator where the source has one. Failures are
// named, with their context, so the translator knows what to do.

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QStringList translations; ///< one, or the numerus forms
    bool unfinished = false;
};

QList<Message> readCatalogue(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message();
            message.context = context;
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QStringView type = xml.attributes().value(QLatin1String("type"));
            message.unfinished = type == QLatin1String("unfinished");
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
                continue;
            // Either text, or numerusform children.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    message.translations.append(xml.readElementText());
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (message.translations.isEmpty())
                message.translations.append(text.trimmed().isEmpty() ? QString() : text);
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found.append(it.next().captured().remove(QLatin1Char('L')));
    found.sort();
    found.removeDuplicates();
    return found;
}

bool hasAccelerator(const QString &text)
{
    static const QRegularExpression accelerator(QStringLiteral("&(?!&)\\w"));
    return accelerator.match(QString(text).replace(QLatin1String("&&"), QString())).hasMatch();
}

QString name(const Message &m)
{
    return QStringLiteral("%1: \"%2\"").arg(m.context, m.source.left(90));
}

} // namespace

class TestCatalogue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void noMessageIsUnfinishedOrMissing();
    void everyPlaceholderIsKept();
    void acceleratorsAreKept();
    void theCommittedCatalogueIsUpToDate();

private:
    QTemporaryDir m_dir;
    QList<Message> m_committed;
    QList<Message> m_updated;
};

void TestCatalogue::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    m_committed = readCatalogue(QStringLiteral(FUNDSCOPE_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(m_committed.size() > 100, "the catalogue has hardly any message");

    const QString copy = m_dir.filePath(QStringLiteral("fundscope_zh_CN.ts"));
    QVERIFY(QFile::copy(QStringLiteral(FUNDSCOPE_TS_FILE), copy));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(FUNDSCOPE_LUPDATE),
                  { QLatin1Char('@') + QStringLiteral(FUNDSCOPE_TRANSLATED_SOURCES), QStringLiteral("-no-obsolete"),
                    QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-ts"), copy });
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    const QByteArray output = lupdate.readAll();
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, output.constData());
    m_updated = readCatalogue(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCatalogue::noMessageIsUnfinishedOrMissing()
{
    QStringList failures;
    for (const Message &m : std::as_const(m_updated)) {
        if (m.unfinished || m.translations.contains(QString()))
            failures.append(name(m));
    }
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 messages untranslated (scripts/translation-table --todo):\n  %2")
                                                    .arg(failures.size())
                                                    .arg(failures.join(QLatin1String("\n  ")))));
}

void TestCatalogue::everyPlaceholderIsKept()
{
    QStringList failures;
    for (const Message &m : std::as_const(m_updated)) {
        const QStringList wanted = placeholders(m.source);
        for (const QString &translation : m.translations) {
            if (translation.isEmpty())
                continue; // counted as unfinished
            QStringList have = placeholders(translation);
            // %n of a numerus message may stand alone in a form without a number (一个)
            if (have != wanted)
                failures.append(QStringLiteral("%1 → \"%2\" has %3, wants %4")
                                        .arg(name(m), translation, have.join(QLatin1Char(' ')), wanted.join(QLatin1Char(' '))));
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

void TestCatalogue::acceleratorsAreKept()
{
    QStringList failures;
    for (const Message &m : std::as_const(m_updated)) {
        if (!hasAccelerator(m.source))
            continue;
        for (const QString &translation : m.translations) {
            if (!translation.isEmpty() && !hasAccelerator(translation))
                failures.append(QStringLiteral("%1 → \"%2\" has no & accelerator").arg(name(m), translation));
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

void TestCatalogue::theCommittedCatalogueIsUpToDate()
{
    // A message the sources no longer have is dead weight for the translator; one they have and
    // the file lacks was reported above.
    QSet<QString> current;
    for (const Message &m : std::as_const(m_updated))
        current.insert(m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment);
    QStringList stale;
    for (const Message &m : std::as_const(m_committed)) {
        if (!current.contains(m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment))
            stale.append(name(m));
    }
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("no longer in the sources (run the update_translations target):\n  ")
                                                 + stale.join(QLatin1String("\n  "))));
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
