#include "CsvDropFilter.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>
#include <QWidget>

// Dropping files on the main window: CSV files are taken for the import wizard, other drops
// are left alone.

class TestCsvDropFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void csvFilesAreTaken();
    void otherDropsAreLeftAlone();
};

void TestCsvDropFilter::csvFilesAreTaken()
{
    QWidget window;
    auto *filter = new CsvDropFilter(&window);
    QVERIFY(window.acceptDrops());
    QSignalSpy dropped(filter, &CsvDropFilter::filesDropped);
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(QStringLiteral("/data/funds.csv")),
        QUrl::fromLocalFile(QStringLiteral("/data/notes.pdf")),
        QUrl::fromLocalFile(QStringLiteral("/data/rates.TSV")),
        QUrl(QStringLiteral("https://example.org/remote.csv")) });
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    drop.setAccepted(false);
    QCoreApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.at(0).at(0).toStringList(),
        (QStringList { QStringLiteral("/data/funds.csv"), QStringLiteral("/data/rates.TSV") }));
}

void TestCsvDropFilter::otherDropsAreLeftAlone()
{
    QWidget window;
    auto *filter = new CsvDropFilter(&window);
    QSignalSpy dropped(filter, &CsvDropFilter::filesDropped);
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(QStringLiteral("/data/picture.png")) });
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(!enter.isAccepted());
    QMimeData text;
    text.setText(QStringLiteral("fund,phase"));
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    drop.setAccepted(false);
    QCoreApplication::sendEvent(&window, &drop);
    QCOMPARE(dropped.size(), 0);
}

QTEST_MAIN(TestCsvDropFilter)
#include "tst_csvdropfilter.moc"
