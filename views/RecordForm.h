#pragma once

#include "RowValues.h"
#include "VocabularyItem.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class EditSession;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

/// What the four record forms share: rows of label, editor and a message line under it; inline
/// validation while the user types (the form's own parsing, then RecordStore::validate(), the
/// same rules the write path applies), in plain words under the field at fault; OK disabled
/// until the record can be stored; and submitting as one undo step through the EditSession
/// (AddRecord for a new record, EditRecord with just the changed columns for an existing one).
///
/// Messages show under fields the user has touched; what untouched fields still need is said in
/// one line above the buttons, so a fresh form does not open covered in complaints.
class RecordForm : public QDialog
{
    Q_OBJECT
public:
    /// id 0: a new record.
    RecordForm(EditSession &session, RecordKind kind, qint64 id, QWidget *parent = nullptr);

    RecordKind kind() const { return m_kind; }
    /// The record's id: after a successful submit, the new record's.
    qint64 recordId() const { return m_id; }
    /// The problems found by the last validation (tests read them).
    QList<FieldIssue> issues() const { return m_issues; }
    QPushButton *okButton() const;
    /// The row as the form would store it.
    virtual RowValues values() const = 0;

public Q_SLOTS:
    void accept() override;

protected:
    /// Adds a labelled row whose message line shows problems of `columns`. Tab moves through
    /// the rows in order, and within a row through `focusOrder` (default: the editor).
    void addRow(const QString &label, QWidget *editor, const QStringList &columns,
        const QList<QWidget *> &focusOrder = {});
    /// Problems the form finds itself before the row exists (text that does not parse, a name
    /// that names nothing). Keyed by column like RecordStore's.
    virtual QList<FieldIssue> formIssues() const { return {}; }
    /// Whether a problem RecordStore reports does not apply (a new investee that is created
    /// with the disbursement has no id yet).
    virtual bool ignores(const FieldIssue &issue) const
    {
        Q_UNUSED(issue);
        return false;
    }
    /// Stores the row; the default adds or edits it through the session. False with *error
    /// (shown above the buttons) when it could not.
    virtual bool submit(RowValues row, QString *error);
    /// Call after construction and after loading the record (fills m_original for edits).
    void finishSetup();
    /// Editors call this when their content changes; marks their columns as touched.
    void touched(const QStringList &columns);
    template<RecordField... F> void touched(F... fields) { touched(QStringList { columnOf(fields)... }); }
    void revalidate();

    // Small builders shared by the forms.
    QLineEdit *lineEdit(const QString &objectName, const QString &placeholder = {});
    QPlainTextEdit *notesEdit(const QString &objectName);
    /// A combo of `words` (the schema's words), the first selected.
    /// A choice of schema words (Validation::words()), shown translated.
    QComboBox *wordBox(const QString &objectName, const QStringList &words);
    /// The stored word a wordBox() shows; selectWord() picks one.
    static QString word(const QComboBox *box);
    static void selectWord(QComboBox *box, const QString &word);
    /// A combo of vocabulary items shown as "Name 中文名", with a first "—" entry (id 0) when
    /// `noneText` is set.
    QComboBox *itemBox(
        const QString &objectName, const QList<VocabularyItem> &items, const QString &noneText);
    static void fillItems(QComboBox *box, const QList<VocabularyItem> &items, const QString &noneText);
    static qint64 itemId(const QComboBox *box);
    static void selectItem(QComboBox *box, qint64 id);
    static QVariant textOrNull(const QString &text);
    /// An empty row of this form's kind and record, for values() to fill.
    RowValues emptyRow() const;

    /// Country, province and city pickers; the province list follows the country and the city
    /// list the province.
    struct RegionBoxes
    {
        QComboBox *country = nullptr;
        QComboBox *province = nullptr;
        QComboBox *city = nullptr;
    };
    RegionBoxes addRegionRows();
    void selectRegion(const RegionBoxes &boxes, qint64 country, qint64 province, qint64 city);
    static void writeRegion(const RegionBoxes &boxes, RowValues &row);

    EditSession &m_session;
    RecordKind m_kind;
    qint64 m_id;
    RowValues m_original;

private:
    QList<VocabularyItem> m_provinces;
    QList<VocabularyItem> m_cities;
    QFormLayout *m_form = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QLabel *m_summary = nullptr;
    QHash<QString, QLabel *> m_messages;
    QList<QWidget *> m_focusChain;
    QSet<QString> m_touched;
    QList<FieldIssue> m_issues;
    bool m_ready = false;
    bool m_triedSubmit = false;
};
