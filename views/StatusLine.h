#pragma once

#include <QObject>
#include <QString>

class QLabel;
class QStatusBar;

/// The window's status line: the database file, the events in view and the filter in words
/// (elided, whole in its tooltip), as permanent labels of `bar`. It keeps what it was last given
/// and lays it out again when the interface language changes (the elision depends on the text's
/// font); the Workspace sends the texts anew in the new language.
class StatusLine : public QObject
{
    Q_OBJECT
public:
    explicit StatusLine(QStatusBar *bar);

    void show(const QString &database, const QString &rows, const QString &filter);

private:
    void showLast();

    QLabel *m_database = nullptr;
    QLabel *m_rows = nullptr;
    QLabel *m_filter = nullptr;
    QString m_lastDatabase;
    QString m_lastRows;
    QString m_lastFilter;
};
