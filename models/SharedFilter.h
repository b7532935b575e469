#pragma once

#include "Filter.h"

#include <QObject>

/// The one filter every page, the dashboard and the status bar follow. Views edit it; models
/// listen to changed() and re-query.
class SharedFilter : public QObject
{
    Q_OBJECT
public:
    explicit SharedFilter(QObject *parent = nullptr) : QObject(parent) { }

    const Filter &filter() const { return m_filter; }
    void setFilter(const Filter &filter);
    void clear();

Q_SIGNALS:
    void changed(const Filter &filter);

private:
    Filter m_filter;
};
