function javaError(err, fname, id)
%JAVAERROR  Re-raises an error from the Java side as bigru:FNAME:<id>, with its message alone, prefixed by FNAME
%   (internal). The Java side's refusals carry their id as '{id} ' before the message; others take ID (default
%   'invalidArgument'). Octave reports "[java] java.lang.IllegalArgumentException: message", MATLAB "Java exception
%   occurred: java.lang.IllegalArgumentException: message" followed by a stack trace; the user needs the message.
%   An error that did not come from Java (a bigru: error of a helper) is rethrown as it is.
if nargin < 3
  id = 'invalidArgument';
end
if strncmp(err.identifier, 'bigru:', 6)
  rethrow(err);
end
tok = regexp(err.message, '(?:java|org)\.[\w.$]+(?:Exception|Error): ([^\r\n]*)', 'tokens', 'once');
if isempty(tok)
  rethrow(err);
end
message = tok{1};
tagged = regexp(message, '^\{(\w+)\} (.*)$', 'tokens', 'once');
if ~isempty(tagged)
  [id, message] = deal(tagged{:});
end
bigru.internal.fail(fname, id, '%s', strtrim(message));
end
