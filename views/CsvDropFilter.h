#pragma once

#include <QObject>
#include <QStringList>

class QWidget;

/// Lets CSV files be dropped on a window: installed as an event filter on it (and turning on
/// its drops), it accepts drags that carry local .csv, .tsv or .txt files and says which were
/// dropped. Anything else is left to the window.
class CsvDropFilter : public QObject
{
    Q_OBJECT
public:
    explicit CsvDropFilter(QWidget *window);

    /// The local CSV files among the URLs, or empty.
    static QStringList csvFiles(const QList<QUrl> &urls);

Q_SIGNALS:
    void filesDropped(const QStringList &paths);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
