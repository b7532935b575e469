#pragma once

#include "RowValues.h"

#include <QDialog>

class QListWidget;
class QPushButton;

/// Asks before a delete that takes other rows with it: says what will be deleted and what only
/// unlinked, lists the dependents (the first Dependents::MaxItems), and reminds that it can be
/// undone. Cancel is the default button, so Enter alone never deletes dependents.
class DeleteDialog : public QDialog
{
    Q_OBJECT
public:
    /// `subject`: what is being deleted, in words ("the fund “Big Fund”", "3 investees").
    DeleteDialog(const QString &subject, const Dependents &dependents, QWidget *parent = nullptr);

    QPushButton *deleteButton() const { return m_delete; }
    QListWidget *list() const { return m_list; }

private:
    QListWidget *m_list = nullptr;
    QPushButton *m_delete = nullptr;
};
