package dev.junction.gateway.openai;

import static dev.junction.gateway.openai.InboundChatsTest.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a body is refused: status 400, type invalid_request, the code, the param and the message. */
class InboundChatsErrorsTest {
    private static final String OK_MESSAGES = "'messages':[{'role':'user','content':'Hi'}]";

    /** A valid body with {@code extra} added at the top level. */
    private static String with(String extra) {
        return q("{'model':'m'," + OK_MESSAGES + "," + extra + "}");
    }

    private static String userParts(String parts) {
        return q("{'model':'m','messages':[{'role':'user','content':[" + parts + "]}]}");
    }

    static Stream<Arguments> refusals() {
        String json = GatewayRequestException.INVALID_JSON;
        String invalid = GatewayRequestException.INVALID_REQUEST;
        String unrecognized = GatewayRequestException.UNRECOGNIZED_ARGUMENT;
        String unsupported = GatewayRequestException.UNSUPPORTED_VALUE;
        return Stream.of(
                // body as a whole
                Arguments.of("empty body", "", json, null, "the request body is empty"),
                Arguments.of("not JSON", "model=m&messages=x", json, null, "the request body is not valid JSON: "),
                Arguments.of("truncated JSON", q("{'model':'m','messages':["), json, null, "the request body is not valid JSON: "),
                Arguments.of("two values", q("{'model':'m'} {}"), json, null, "more than one JSON value"),
                Arguments.of("array body", q("[{'model':'m'}]"), json, null, "must be a JSON object such as"),
                Arguments.of("string body", q("'hello'"), json, null, "got the string \"hello\""),
                Arguments.of("duplicate field", q("{'model':'m','model':'n'," + OK_MESSAGES + "}"), json, null, "Duplicate field 'model'"),
                // top level
                Arguments.of("missing model", q("{" + OK_MESSAGES + "}"), invalid, "model", "'model' is required"),
                Arguments.of("null model", q("{'model':null," + OK_MESSAGES + "}"), invalid, "model", "'model' is required"),
                Arguments.of("blank model", q("{'model':' '," + OK_MESSAGES + "}"), invalid, "model", "'model' must not be empty"),
                Arguments.of("numeric model", q("{'model':4," + OK_MESSAGES + "}"), invalid, "model",
                        "'model' must be a string, got the number 4"),
                Arguments.of("missing messages", q("{'model':'m'}"), invalid, "messages", "'messages' is required"),
                Arguments.of("empty messages", q("{'model':'m','messages':[]}"), invalid, "messages", "at least one message"),
                Arguments.of("messages object", q("{'model':'m','messages':{}}"), invalid, "messages",
                        "'messages' must be an array, got an object"),
                Arguments.of("unknown top-level field", with("'temprature':1"), unrecognized, "temprature",
                        "unrecognized request argument supplied: temprature"),
                Arguments.of("legacy functions", with("'functions':[]"), unrecognized, "functions", "unrecognized request argument"),
                Arguments.of("n=2", with("'n':2"), unsupported, "n", "n>1 is not supported"),
                Arguments.of("n=0", with("'n':0"), invalid, "n", "'n' must be a positive integer"),
                Arguments.of("stream string", with("'stream':'yes'"), invalid, "stream", "'stream' must be true or false"),
                Arguments.of("include_usage string", with("'stream':true,'stream_options':{'include_usage':1}"), invalid,
                        "stream_options.include_usage", "must be true or false, got the number 1"),
                Arguments.of("temperature string", with("'temperature':'hot'"), invalid, "temperature", "must be a number"),
                Arguments.of("temperature 3", with("'temperature':3"), invalid, "temperature", "between 0 and 2"),
                Arguments.of("max_tokens 0", with("'max_tokens':0"), invalid, "max_tokens", "positive integer"),
                Arguments.of("max_completion_tokens 1.5", with("'max_completion_tokens':1.5"), invalid,
                        "max_completion_tokens", "positive integer"),
                Arguments.of("max_completion_tokens too big", with("'max_completion_tokens':3000000000"), invalid,
                        "max_completion_tokens", "positive integer"),
                Arguments.of("reasoning_effort xhigh", with("'reasoning_effort':'xhigh'"), invalid, "reasoning_effort",
                        "minimal, low, medium or high, got \"xhigh\""),
                // messages
                Arguments.of("message not object", q("{'model':'m','messages':['Hi']}"), invalid, "messages[0]", "a message object"),
                Arguments.of("bad role", q("{'model':'m','messages':[{'role':'function','content':'x'}]}"), invalid,
                        "messages[0].role", "system, developer, user, assistant or tool, got \"function\""),
                Arguments.of("missing role", q("{'model':'m','messages':[{'content':'x'}]}"), invalid, "messages[0].role", "is required"),
                Arguments.of("user without content", q("{'model':'m','messages':[{'role':'user'}]}"), invalid,
                        "messages[0].content", "'messages[0].content' is required"),
                Arguments.of("content number", q("{'model':'m','messages':[{'role':'user','content':5}]}"), invalid,
                        "messages[0].content", "a string or an array of content parts"),
                Arguments.of("empty parts", userParts(""), invalid, "messages[0].content", "at least one content part"),
                Arguments.of("bad part type", userParts("{'type':'video_url','video_url':{'url':'https://x/v.mp4'}}"), invalid,
                        "messages[0].content[0].type", "text, image_url, input_audio or file, got \"video_url\""),
                Arguments.of("image in system", q("{'model':'m','messages':[{'role':'system','content':[{'type':'image_url',"
                        + "'image_url':{'url':'https://x/a.png'}}]}]}"), invalid, "messages[0].content[0].type", "must be text in this message's role"),
                Arguments.of("text part without text", userParts("{'type':'text'}"), invalid, "messages[0].content[0].text", "is required"),
                Arguments.of("ftp image", userParts("{'type':'text','text':'a'},{'type':'image_url','image_url':{'url':'ftp://x/a.png'}}"),
                        invalid, "messages[0].content[1].image_url.url", "must be an http(s) URL or a data:TYPE;base64"),
                Arguments.of("relative image", userParts("{'type':'image_url','image_url':{'url':'/a.png'}}"),
                        invalid, "messages[0].content[0].image_url.url", "must be an http(s) URL"),
                Arguments.of("hostless image", userParts("{'type':'image_url','image_url':{'url':'https:///a.png'}}"),
                        invalid, "messages[0].content[0].image_url.url", "is not a valid URL"),
                Arguments.of("image_url string", userParts("{'type':'image_url','image_url':'https://x/a.png'}"),
                        invalid, "messages[0].content[0].image_url", "must be an object"),
                Arguments.of("bad data uri", userParts("{'type':'image_url','image_url':{'url':'data:image/png,abc'}}"),
                        invalid, "messages[0].content[0].image_url.url", "not a base64 data URI"),
                Arguments.of("bad base64 audio", userParts("{'type':'input_audio','input_audio':{'data':'***','format':'wav'}}"),
                        invalid, "messages[0].content[0].input_audio.data", "is not base64"),
                Arguments.of("ogg audio", userParts("{'type':'input_audio','input_audio':{'data':'AAAA','format':'ogg'}}"),
                        invalid, "messages[0].content[0].input_audio.format", "must be wav or mp3"),
                Arguments.of("file_id", userParts("{'type':'file','file':{'file_id':'file-1'}}"),
                        unsupported, "messages[0].content[0].file.file_id", "file_id"),
                Arguments.of("raw file_data", userParts("{'type':'file','file':{'file_data':'JVBERi0='}}"),
                        invalid, "messages[0].content[0].file.file_data", "must be a data:TYPE;base64"),
                Arguments.of("tool without id", q("{'model':'m','messages':[{'role':'tool','content':'x'}]}"), invalid,
                        "messages[0].tool_call_id", "is required"),
                Arguments.of("assistant with nothing", q("{'model':'m','messages':[{'role':'assistant','content':null}]}"), invalid,
                        "messages[0].content", "content, tool_calls or both"),
                Arguments.of("tool call without id", q("{'model':'m','messages':[{'role':'assistant','tool_calls':"
                        + "[{'type':'function','function':{'name':'f','arguments':'{}'}}]}]}"), invalid,
                        "messages[0].tool_calls[0].id", "is required"),
                Arguments.of("tool call arguments object", q("{'model':'m','messages':[{'role':'assistant','tool_calls':"
                        + "[{'id':'c','type':'function','function':{'name':'f','arguments':{}}}]}]}"), invalid,
                        "messages[0].tool_calls[0].function.arguments", "must be a string"),
                Arguments.of("signature not a string", q("{'model':'m','messages':[{'role':'assistant','tool_calls':"
                        + "[{'id':'c','function':{'name':'f'},'extra_content':{'google':{'thought_signature':1}}}]}]}"), invalid,
                        "messages[0].tool_calls[0].extra_content.google.thought_signature", "must be a string"),
                // tools, tool_choice, response_format
                Arguments.of("non-function tool", with("'tools':[{'type':'web_search'}]"), unsupported, "tools[0].type",
                        "must be \"function\", got \"web_search\""),
                Arguments.of("bad tool name", with("'tools':[{'type':'function','function':{'name':'get weather'}}]"), invalid,
                        "tools[0].function.name", "tool name 'get weather'"),
                Arguments.of("tool parameters string", with("'tools':[{'type':'function','function':{'name':'f','parameters':'{}'}}]"),
                        invalid, "tools[0].function.parameters", "must be an object"),
                Arguments.of("bad tool_choice string", with("'tool_choice':'any'"), invalid, "tool_choice",
                        "\"auto\", \"none\", \"required\" or {\"type\":\"function\""),
                Arguments.of("tool_choice number", with("'tool_choice':1"), invalid, "tool_choice", "got the number 1"),
                Arguments.of("tool_choice without name", with("'tool_choice':{'type':'function','function':{}}"), invalid,
                        "tool_choice.function.name", "is required"),
                Arguments.of("bad response_format", with("'response_format':{'type':'yaml'}"), invalid, "response_format.type",
                        "text, json_object or json_schema"),
                Arguments.of("json_schema without schema", with("'response_format':{'type':'json_schema','json_schema':{'name':'a'}}"),
                        invalid, "response_format.json_schema.schema", "is required"),
                // junction
                Arguments.of("unknown junction field", with("'junction':{'route':'cheapest','foo':1}"), unrecognized, "junction.foo",
                        "unrecognized request argument supplied: junction.foo"),
                Arguments.of("bad route", with("'junction':{'route':'random'}"), invalid, "junction.route",
                        "ordered, cheapest or fastest, got \"random\""),
                Arguments.of("negative max price", with("'junction':{'max_price_usd':-0.5}"), invalid, "junction.max_price_usd",
                        "must be a positive number of US dollars"),
                Arguments.of("zero max price", with("'junction':{'max_price_usd':0}"), invalid, "junction.max_price_usd", "positive"),
                Arguments.of("string max price", with("'junction':{'max_price_usd':'0.01'}"), invalid, "junction.max_price_usd",
                        "must be a number"),
                Arguments.of("providers string", with("'junction':{'providers':'acedata'}"), invalid, "junction.providers",
                        "must be an array"),
                Arguments.of("provider number", with("'junction':{'providers':['acedata',3]}"), invalid, "junction.providers[1]",
                        "a provider id"),
                Arguments.of("junction array", with("'junction':[]"), invalid, "junction", "must be an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses(String what, String body, String code, String param, String messagePart) {
        GatewayRequestException e = assertThrows(GatewayRequestException.class, () -> InboundChats.parse(Buffer.buffer(body)));
        assertEquals(400, e.status(), what);
        assertEquals("invalid_request", e.type(), what);
        assertEquals(code, e.code(), what);
        assertEquals(param, e.param(), what);
        assertTrue(e.getMessage().contains(messagePart), what + ": " + e.getMessage());
    }
}
