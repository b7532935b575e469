<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Commands</name>
    <message numerus="yes">
        <source>Wrote %1: report of %n pages (%2 sources)</source>
        <translation>
            <numerusform>Wrote %1: report of %n page (%2 sources)</numerusform>
            <numerusform>Wrote %1: report of %n pages (%2 sources)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message numerus="yes">
        <source>%n fund(s)</source>
        <translation>
            <numerusform>%n fund</numerusform>
            <numerusform>%n funds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n phase(s)</source>
        <translation>
            <numerusform>%n phase</numerusform>
            <numerusform>%n phases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n investee(s)</source>
        <translation>
            <numerusform>%n investee</numerusform>
            <numerusform>%n investees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n disbursement(s)</source>
        <translation>
            <numerusform>%n disbursement</numerusform>
            <numerusform>%n disbursements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n record(s). Undo with Ctrl+Z.</source>
        <translation>
            <numerusform>Deleted %n record. Undo with Ctrl+Z.</numerusform>
            <numerusform>Deleted %n records. Undo with Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message numerus="yes">
        <source>Delete %n funds</source>
        <translation>
            <numerusform>Delete %n fund</numerusform>
            <numerusform>Delete %n funds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n phases</source>
        <translation>
            <numerusform>Delete %n phase</numerusform>
            <numerusform>Delete %n phases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n investees</source>
        <translation>
            <numerusform>Delete %n investee</numerusform>
            <numerusform>Delete %n investees</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n disbursements</source>
        <translation>
            <numerusform>Delete %n disbursement</numerusform>
            <numerusform>Delete %n disbursements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeRatesDialog</name>
    <message numerus="yes">
        <source>Delete %n exchange rate(s)</source>
        <translation>
            <numerusform>Delete %n exchange rate</numerusform>
            <numerusform>Delete %n exchange rates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message numerus="yes">
        <source>%Ln row(s) written to %1</source>
        <translation>
            <numerusform>%Ln row written to %1</numerusform>
            <numerusform>%Ln rows written to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Report of %n page(s) written to %1</source>
        <translation>
            <numerusform>Report of %n page written to %1</numerusform>
            <numerusform>Report of %n pages written to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Report of %n page(s) sent to the printer</source>
        <translation>
            <numerusform>Report of %n page sent to the printer</numerusform>
            <numerusform>Report of %n pages sent to the printer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCheckPage</name>
    <message numerus="yes">
        <source>&lt;b&gt;The files cannot be imported as they are:&lt;/b&gt; %n problem(s) concern whole files or the database (listed first).</source>
        <translation>
            <numerusform>&lt;b&gt;The files cannot be imported as they are:&lt;/b&gt; %n problem concerns whole files or the database (listed first).</numerusform>
            <numerusform>&lt;b&gt;The files cannot be imported as they are:&lt;/b&gt; %n problems concern whole files or the database (listed first).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Every row is valid: %n row(s).&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Every row is valid: %n row.&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;Every row is valid: %n rows.&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Valid rows: %L1. Rows with problems: %L2&lt;/b&gt; (%n problem(s) listed below, by line and column).</source>
        <translation>
            <numerusform>&lt;b&gt;Valid rows: %L1. Rows with problems: %L2&lt;/b&gt; (%n problem listed below, by line and column).</numerusform>
            <numerusform>&lt;b&gt;Valid rows: %L1. Rows with problems: %L2&lt;/b&gt; (%n problems listed below, by line and column).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message numerus="yes">
        <source>&lt;b&gt;Imported %Ln row(s).&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;Imported %Ln row.&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;Imported %Ln rows.&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) with problems left out.</source>
        <translation>
            <numerusform>%Ln row with problems left out.</numerusform>
            <numerusform>%Ln rows with problems left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s) skipped.</source>
        <translation>
            <numerusform>%Ln duplicate skipped.</numerusform>
            <numerusform>%Ln duplicates skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %1 (%Ln row(s))</source>
        <translation>
            <numerusform>Import %1 (%Ln row)</numerusform>
            <numerusform>Import %1 (%Ln rows)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message numerus="yes">
        <source>“%1” matches %n fund(s); choose one from the list.</source>
        <translation>
            <numerusform>“%1” matches %n fund; choose one from the list.</numerusform>
            <numerusform>“%1” matches %n funds; choose one from the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” matches %n investee(s); choose one from the list.</source>
        <translation>
            <numerusform>“%1” matches %n investee; choose one from the list.</numerusform>
            <numerusform>“%1” matches %n investees; choose one from the list.</numerusform>
        </translation>
    </message>
</context>
</TS>
