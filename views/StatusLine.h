#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

/// The window's status line: the database file, the events in view and the filter in words
/// (elided, whole in its tooltip), as permanent labels of `bar`.
class StatusLine : public QObject
{
    Q_OBJECT
public:
    explicit StatusLine(QStatusBar *bar);

    void show(const QString &database, const QString &rows, const QString &filter);

private:
    QLabel *m_database = nullptr;
    QLabel *m_rows = nullptr;
    QLabel *m_filter = nullptr;
};
