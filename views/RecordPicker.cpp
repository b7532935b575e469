#include "RecordPicker.h"

#include <QAbstractItemView>
#include <QCompleter>

RecordPicker::RecordPicker(NameSearchModel::Search search, QWidget *parent)
    : QLineEdit(parent)
{
    m_model = new NameSearchModel(std::move(search), this);
    m_completer = new QCompleter(m_model, this);
    // The model already holds the matches for the text: show them as they are.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(NameSearchModel::NameRole);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setMaxVisibleItems(12);
    setCompleter(m_completer);
    setClearButtonEnabled(true);
    connect(this, &QLineEdit::textEdited, this, &RecordPicker::onEdited);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        [this](const QModelIndex &index) {
            setRecord(index.data(NameSearchModel::IdRole).toLongLong(),
                index.data(NameSearchModel::NameRole).toString());
        });
    connect(this, &QLineEdit::editingFinished, this, [this] { resolve(true); });
}

void RecordPicker::setRecord(qint64 id, const QString &name)
{
    if (text() != name)
        setText(name);
    setId(id);
}

void RecordPicker::setId(qint64 id)
{
    if (id == m_id)
        return;
    m_id = id;
    Q_EMIT recordChanged(id);
}

void RecordPicker::onEdited(const QString &text)
{
    m_model->setText(text);
    resolve(false);
    if (hasFocus() && m_model->rowCount() > 0 && m_id == 0)
        m_completer->complete();
}

void RecordPicker::resolve(bool acceptSingle)
{
    if (text().trimmed().isEmpty()) {
        setId(0);
        return;
    }
    if (m_model->text() != text())
        m_model->setText(text());
    if (const NameMatch *m = m_model->exact(text())) {
        setId(m->id);
        return;
    }
    if (acceptSingle && m_model->matches().size() == 1) {
        const NameMatch m = m_model->matches().constFirst();
        setText(m.name);
        setId(m.id);
        return;
    }
    setId(0);
}

QString RecordPicker::problem(RecordKind kind) const
{
    const QString typed = text().trimmed();
    if (m_id != 0 || typed.isEmpty())
        return {};
    const int n = int(m_model->matches().size());
    // Whole sentences per kind: a kind's name put into one sentence would not agree with the words
    // around it in every language. Funds and investees are picked by name; other kinds are not.
    const bool fund = kind == RecordKind::Fund;
    if (n == 0)
        return (fund ? tr("No fund is called “%1”.") : tr("No investee is called “%1”.")).arg(typed);
    return (fund ? tr("“%1” matches %n fund(s); choose one from the list.", nullptr, n)
                 : tr("“%1” matches %n investee(s); choose one from the list.", nullptr, n))
        .arg(typed);
}
