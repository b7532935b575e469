#include "EditDelegate.h"

#include "EditSession.h"
#include "FieldText.h"
#include "Format.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPersistentModelIndex>
#include <QToolTip>

namespace {

const char *const IndexProperty = "fundscopeIndex";

} // namespace

EditDelegate::EditDelegate(EditSession &session, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_session(session)
{
}

QString EditDelegate::problem(const QModelIndex &index, const QString &text) const
{
    const QVariantMap field = index.data(FieldText::FieldRole).toMap();
    if (field.isEmpty())
        return {};
    const auto kind = RecordKind(field.value(QStringLiteral("kind")).toInt());
    const FieldText::Context context { m_session.currencyDigits(),
        field.value(QStringLiteral("currency")).toString() };
    QVariantMap changes;
    QString error;
    FieldText::parse(kind, field.value(QStringLiteral("column")).toString(), text, context, &changes, &error);
    return error;
}

QWidget *EditDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QStringList choices = index.data(FieldText::ChoicesRole).toStringList();
    if (!choices.isEmpty()) {
        auto *box = new QComboBox(parent);
        // The stored words as data, shown in the interface's language like the cells.
        for (const QString &choice : choices)
            box->addItem(Format::vocabulary(choice), choice);
        return box;
    }
    if (index.data(FieldText::FieldRole).toMap().isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *edit = new QLineEdit(parent);
    edit->setFrame(true);
    edit->setProperty(IndexProperty, QVariant::fromValue(QPersistentModelIndex(index)));
    connect(edit, &QLineEdit::textEdited, this, [this, edit](const QString &text) {
        const QModelIndex at = edit->property(IndexProperty).value<QPersistentModelIndex>();
        const QString why = problem(at, text);
        edit->setStyleSheet(
            why.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 2px solid #b00020; }"));
        edit->setToolTip(why);
        if (!why.isEmpty())
            QToolTip::showText(edit->mapToGlobal(QPoint(0, edit->height())), why, edit);
        else
            QToolTip::hideText();
    });
    return edit;
}

void EditDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *box = qobject_cast<QComboBox *>(editor)) {
        box->setCurrentIndex(box->findData(index.data(Qt::EditRole).toString()));
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(index.data(Qt::EditRole).toString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void EditDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    QString text;
    if (auto *box = qobject_cast<QComboBox *>(editor))
        text = box->currentData().toString();
    else if (auto *edit = qobject_cast<QLineEdit *>(editor))
        text = edit->text();
    else
        return QStyledItemDelegate::setModelData(editor, model, index);
    if (text == index.data(Qt::EditRole).toString())
        return; // nothing typed: no undo step
    if (const QString why = problem(index, text); !why.isEmpty()) {
        Q_EMIT const_cast<EditDelegate *>(this)->refused(why);
        return;
    }
    model->setData(index, text, Qt::EditRole);
}

void EditDelegate::updateEditorGeometry(
    QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::updateEditorGeometry(editor, option, index);
    // Amounts and addresses need more room than a narrow column gives.
    QRect r = editor->geometry();
    r.setWidth(std::max(r.width(), 220));
    editor->setGeometry(r);
}

bool EditDelegate::eventFilter(QObject *object, QEvent *event)
{
    auto *edit = qobject_cast<QLineEdit *>(object);
    if (edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            const QModelIndex at = edit->property(IndexProperty).value<QPersistentModelIndex>();
            if (const QString why = problem(at, edit->text()); !why.isEmpty()) {
                QToolTip::showText(edit->mapToGlobal(QPoint(0, edit->height())), why, edit);
                return true; // stay in the editor until the text is right (Escape cancels)
            }
        }
    }
    return QStyledItemDelegate::eventFilter(object, event);
}
