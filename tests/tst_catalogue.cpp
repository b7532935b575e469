#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// The zh_CN catalogue (and the English one of plural forms) is complete: lupdate runs over every translated source into a copy of the
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
    void noMessageIsUnfinishedOrMissing_data() { catalogues(); }
    void noMessageIsUnfinishedOrMissing();
    void everyPlaceholderIsKept_data() { catalogues(); }
    void everyPlaceholderIsKept();
    void acceleratorsAreKept_data() { catalogues(); }
    void acceleratorsAreKept();
    void theCommittedCatalogueIsUpToDate_data() { catalogues(); }
    void theCommittedCatalogueIsUpToDate();

private:
    static void catalogues();
    void update(const QString &name, const QStringList &options);

    QTemporaryDir m_dir;
    QHash<QString, QList<Message>> m_committed;
    QHash<QString, QList<Message>> m_updated;
};

// zh_CN: every message. en: only the plurals (lupdate -pluralonly), "1 row" and "2 rows".
void TestCatalogue::catalogues()
{
    QTest::addColumn<QString>("catalogue");
    QTest::newRow("zh_CN") << QStringLiteral("fundscope_zh_CN.ts");
    QTest::newRow("en plurals") << QStringLiteral("fundscope_en.ts");
}

void TestCatalogue::initTestCase()
{
    QVERIFY(m_dir.isValid());
    update(QStringLiteral("fundscope_zh_CN.ts"), {});
    QVERIFY2(m_committed.value(QStringLiteral("fundscope_zh_CN.ts")).size() > 100, "the catalogue has hardly any message");
    update(QStringLiteral("fundscope_en.ts"), { QStringLiteral("-pluralonly") });
}

void TestCatalogue::update(const QString &name, const QStringList &options)
{
    const QString committed = QStringLiteral(FUNDSCOPE_TS_DIR "/") + name;
    QString error;
    m_committed.insert(name, readCatalogue(committed, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));

    const QString copy = m_dir.filePath(name);
    QVERIFY(QFile::copy(committed, copy));
    QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(FUNDSCOPE_LUPDATE),
                  QStringList { QLatin1Char('@') + QStringLiteral(FUNDSCOPE_TRANSLATED_SOURCES), QStringLiteral("-no-obsolete"),
                                QStringLiteral("-locations"), QStringLiteral("none") }
                          + options + QStringList { QStringLiteral("-ts"), copy });
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    const QByteArray output = lupdate.readAll();
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, output.constData());
    m_updated.insert(name, readCatalogue(copy, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCatalogue::noMessageIsUnfinishedOrMissing()
{
    QFETCH(QString, catalogue);
    QStringList failures;
    for (const Message &m : m_updated.value(catalogue)) {
        if (m.unfinished || m.translations.contains(QString()))
            failures.append(name(m));
    }
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 messages untranslated (scripts/translation-table --todo):\n  %2")
                                                    .arg(failures.size())
                                                    .arg(failures.join(QLatin1String("\n  ")))));
}

void TestCatalogue::everyPlaceholderIsKept()
{
    QFETCH(QString, catalogue);
    QStringList failures;
    for (const Message &m : m_updated.value(catalogue)) {
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
    QFETCH(QString, catalogue);
    QStringList failures;
    for (const Message &m : m_updated.value(catalogue)) {
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
    QFETCH(QString, catalogue);
    QSet<QString> current;
    for (const Message &m : m_updated.value(catalogue))
        current.insert(m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment);
    QStringList stale;
    for (const Message &m : m_committed.value(catalogue)) {
        if (!current.contains(m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment))
            stale.append(name(m));
    }
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("no longer in the sources (run the update_translations target):\n  ")
                                                 + stale.join(QLatin1String("\n  "))));
}

QTEST_GUILESS_MAIN(TestCatalogue)
#include "tst_catalogue.moc"
