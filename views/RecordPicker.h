#pragma once

#include "NameSearchModel.h"
#include "RowValues.h"

#include <QLineEdit>

class QCompleter;

/// A line edit that picks a fund or an investee by name: it suggests matches for what is typed
/// (English or Chinese, anywhere in the name) from an SQL-backed search, so it stays quick with
/// 50,000 investees. The typed text stands for a record when it is a name exactly (either
/// language, any case) or a suggestion was chosen; when editing finishes and only one record
/// matches, that one is taken.
class RecordPicker : public QLineEdit
{
    Q_OBJECT
public:
    explicit RecordPicker(NameSearchModel::Search search, QWidget *parent = nullptr);

    /// The picked record, 0 when the text names none.
    qint64 recordId() const { return m_id; }
    void setRecord(qint64 id, const QString &name);
    /// A plain-words problem with the text ("No investee is called “Foo”."), empty when it names a
    /// record or is empty. `kind`: what the picker picks (a fund or an investee).
    QString problem(RecordKind kind) const;
    NameSearchModel *suggestions() const { return m_model; }
    QCompleter *suggestionCompleter() const { return m_completer; }

Q_SIGNALS:
    /// The picked record changed (0: none).
    void recordChanged(qint64 id);

private:
    void onEdited(const QString &text);
    void resolve(bool acceptSingle);
    void setId(qint64 id);

    NameSearchModel *m_model = nullptr;
    QCompleter *m_completer = nullptr;
    qint64 m_id = 0;
};
