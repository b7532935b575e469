#include "DeleteDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

DeleteDialog::DeleteDialog(const QString &subject, const Dependents &dependents, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("deleteDialog"));
    setWindowTitle(tr("Delete"));
    QString text = tr("<p><b>Delete %1?</b></p>").arg(subject.toHtmlEscaped());
    if (!dependents.deletedText().isEmpty())
        text += tr("<p>%1 depend on it and will be deleted with it.</p>").arg(dependents.deletedText());
    if (!dependents.unlinkedText().isEmpty())
        text += tr("<p>%1: that link is cleared; those records stay.</p>").arg(dependents.unlinkedText());
    text += tr("<p style='color:gray'>You can take it all back with Edit → Undo.</p>");
    auto *label = new QLabel(text, this);
    label->setWordWrap(true);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("dependents"));
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setUniformItemSizes(true);
    for (const Dependents::Item &item : dependents.items) {
        auto *row = new QListWidgetItem(item.label, m_list);
        row->setToolTip(item.label);
    }
    const qint64 shown = dependents.items.size();
    const qint64 all
        = dependents.phases + dependents.disbursements + dependents.childFunds + dependents.lookThrough;
    if (all > shown)
        m_list->addItem(tr("… and %Ln more", nullptr, int(all - shown)));
    m_list->setVisible(m_list->count() > 0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_delete = buttons->addButton(dependents.isEmpty() ? tr("&Delete") : tr("&Delete with dependents"),
        QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(QStringLiteral("confirmDelete"));
    m_delete->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_delete, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(760, m_list->count() > 0 ? 460 : 200);
}
