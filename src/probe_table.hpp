// The look-up tables of words built at start-up (gazetteer keys and phrases, event
// triggers, the extractor's cue words): one open-addressing table with linear probing,
// and one hash of a phrase's words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline {

/// FNV-1a over the words of a phrase: start from k_phrase_hash_seed and fold in each
/// word with phrase_hash_add, which ends it with a 0xFF byte (in no word: "a b" and "ab"
/// hash apart).
inline constexpr std::uint64_t k_phrase_hash_seed = 1469598103934665603ull;
inline std::uint64_t phrase_hash_add(std::uint64_t h, std::string_view word) {
    constexpr std::uint64_t prime = 1099511628211ull;
    for (const unsigned char c : word) h = (h ^ c) * prime;
    return (h ^ 0xFF) * prime;
}

/// Open addressing with linear probing over a power-of-two count of `Slot`s. The slot type
/// holds the key or what finds it and says whether it is free (`bool empty() const`); a
/// new table's slots are `Slot{}`, which must be empty. The caller keeps the table at most
/// half full (a probe always meets an empty slot) and compares keys: `probe` walks from
/// the slot of `hash` to the first that is empty or that `is` accepts.
template <typename Slot>
class ProbeTable {
public:
    ProbeTable() = default;
    /// `size` empty slots, a power of two.
    explicit ProbeTable(std::size_t size) { reset(size); }
    /// Room for `n` keys in at least `spread` times as many slots (at least 16), all empty.
    static std::size_t size_for(std::size_t n, std::size_t spread) {
        std::size_t size = 16;
        while (size < spread * n) size *= 2;
        return size;
    }
    /// `size` empty slots (a power of two); what was there is dropped.
    void reset(std::size_t size) {
        m_slots.assign(size, Slot{});
        m_mask = size - 1;
    }

    /// The first slot from `hash`'s on that is empty or that `is(slot)` accepts.
    template <typename Is>
    [[gnu::always_inline]] Slot& probe(std::uint64_t hash, Is is) {
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.empty() || is(slot)) return slot;
        }
    }
    /// The slot that `is` accepts on the probe from `hash`, or nullptr when it meets an
    /// empty slot first.
    template <typename Is>
    [[gnu::always_inline]] const Slot* find(std::uint64_t hash, Is is) const {
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot& slot = m_slots[i];
            if (slot.empty()) return nullptr;
            if (is(slot)) return &slot;
        }
    }
    /// The first empty slot from `hash`'s on: where a key known to be new goes.
    Slot& free_slot(std::uint64_t hash) {
        return probe(hash, [](const Slot&) { return false; });
    }

    std::size_t size() const { return m_slots.size(); }
    const std::vector<Slot>& slots() const { return m_slots; }
    /// The slots, taken out (the table is left with none: reset it before use).
    std::vector<Slot> take() {
        m_mask = 0;
        return std::exchange(m_slots, {});
    }

private:
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
};

}  // namespace dateline
