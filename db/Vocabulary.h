#pragma once

#include <QStringList>

#include <array>
#include <cstddef>
#include <cstdint>

/// The fixed words of the schema, written once: what the database stores (its CHECK constraints
/// in db/sql), the interchange format exchanges, the command line and the filter bar accept. The
/// enums' values are the words' indexes, so a column can keep a word as one byte (ColumnStore)
/// and a loader can bind it back without building a string. Format::vocabulary() says them in the
/// interface language.
namespace Vocabulary {

enum class EventType : uint8_t { Commitment, Disbursement, EquityPurchase, EquitySale, Loan, Grant };
enum class Status : uint8_t { Announced, Committed, Completed, Cancelled };
enum class Confidence : uint8_t { High, Medium, Low };

inline constexpr std::array<const char *, 6> EventTypeWords
    = { "commitment", "disbursement", "equity purchase", "equity sale", "loan", "grant" };
inline constexpr std::array<const char *, 4> StatusWords = { "announced", "committed", "completed", "cancelled" };
inline constexpr std::array<const char *, 3> ConfidenceWords = { "high", "medium", "low" };
inline constexpr std::array<const char *, 4> FundKindWords = { "fund", "platform", "bank", "soe" };
inline constexpr std::array<const char *, 4> FundLevelWords = { "national", "provincial", "municipal", "district" };
inline constexpr std::array<const char *, 2> InvesteeKindWords = { "company", "fund" };

constexpr const char *word(EventType type) { return EventTypeWords[size_t(type)]; }
constexpr const char *word(Status status) { return StatusWords[size_t(status)]; }
constexpr const char *word(Confidence confidence) { return ConfidenceWords[size_t(confidence)]; }

/// The same words as lists, in enum order.
const QStringList &eventTypes();
const QStringList &statuses();
const QStringList &confidences();
const QStringList &fundKinds();
const QStringList &fundLevels();
const QStringList &investeeKinds();

/// What a filter that names no status admits: every status but cancelled (Filter::statuses).
const QStringList &defaultStatuses();

} // namespace Vocabulary
