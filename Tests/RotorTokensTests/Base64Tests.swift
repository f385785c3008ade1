import Testing

@testable import RotorTokens

@Suite struct Base64Tests {
    @Test func urlUnpaddedDecodesAllLengths() {
        #expect(Base64.decodeURLUnpadded(Array("".utf8)) == [])
        #expect(Base64.decodeURLUnpadded(Array("YQ".utf8)) == Array("a".utf8))
        #expect(Base64.decodeURLUnpadded(Array("YWI".utf8)) == Array("ab".utf8))
        #expect(Base64.decodeURLUnpadded(Array("YWJj".utf8)) == Array("abc".utf8))
        #expect(Base64.decodeURLUnpadded(Array("-_8".utf8)) == [0xFB, 0xFF])
    }

    @Test func urlUnpaddedRefusesPaddingAndForeignCharacters() {
        #expect(Base64.decodeURLUnpadded(Array("YQ==".utf8)) == nil)
        #expect(Base64.decodeURLUnpadded(Array("+/8".utf8)) == nil)
        #expect(Base64.decodeURLUnpadded(Array("YWJjZ".utf8)) == nil)  // 5 symbols: impossible length
        #expect(Base64.decodeURLUnpadded(Array("YW.J".utf8)) == nil)
    }

    @Test func urlUnpaddedSkipsLineBreaksLikeGo() {
        #expect(Base64.decodeURLUnpadded(Array("YW\r\nJj".utf8)) == Array("abc".utf8))
    }

    @Test func standardRequiresPadding() {
        #expect(Base64.decodeStandardPadded("YQ==") == Array("a".utf8))
        #expect(Base64.decodeStandardPadded("YWI=") == Array("ab".utf8))
        #expect(Base64.decodeStandardPadded("+/8=") == [0xFB, 0xFF])
        #expect(Base64.decodeStandardPadded("YQ") == nil)
        #expect(Base64.decodeStandardPadded("YQ=") == nil)
        #expect(Base64.decodeStandardPadded("YQ===") == nil)
        #expect(Base64.decodeStandardPadded("YQ==YQ==") == nil)
        #expect(Base64.decodeStandardPadded("-_8=") == nil)
        #expect(Base64.decodeStandardPadded("!!!!") == nil)
    }
}
