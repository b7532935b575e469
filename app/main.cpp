#include <QApplication>
#include <QDebug>
#include "Database.h"

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Database db;
    auto s = db.open(QStringLiteral("/tmp/x.db"));
    qDebug() << int(s) << db.errorString();
    return 0;
}
