//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Tandem fork: `value` as a `T` if its dynamic type is exactly `T`, else nil.
/// The type is told by its identity and the value read as it is held: the
/// runtime's cast (`as?`, `as!`) costs 25 ns for a value of the very type and
/// about 100 ns to fail for a class or `NSNull`, and a name's look-up made
/// several. Not a cast: a `[String: String]` is not a `[String: Any]` here.
///
/// The existential is opened with `_openExistential`, and when it holds
/// another `Any` (a list's element reaches `render(element:)` so), that is
/// opened too: opened one level only, a lazy element in a list was not found
/// (`ForkTests` failed).
@inline(__always)
func exactly<T>(_ value: Any, as type: T.Type) -> T? {
    func opened<Held>(_ held: Held) -> T? {
        if Held.self == T.self { return unsafeBitCast(held, to: T.self) }
        // An `Any` held in an `Any` (as a generic sequence's element may be): one more level.
        if Held.self == Any.self { return exactlyInside(unsafeBitCast(held, to: Any.self), as: T.self) }
        return nil
    }
    return _openExistential(value, do: opened)
}

@inline(never)
private func exactlyInside<T>(_ value: Any, as type: T.Type) -> T? {
    exactly(value, as: type)
}
