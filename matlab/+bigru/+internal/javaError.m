function javaError(err, fname)
%JAVAERROR  Re-raises an error from the Java side with its message alone, prefixed by FNAME (internal).
%   Octave reports "[java] java.lang.IllegalArgumentException: message", MATLAB "Java exception occurred:
%   java.lang.IllegalArgumentException: message" followed by a stack trace; the user needs the message.
msg = err.message;
tok = regexp(msg, '(?:java|org)\.[\w.$]+(?:Exception|Error): ([^\r\n]*)', 'tokens', 'once');
if isempty(tok)
  rethrow(err);
end
error('bigru:invalidArgument', '%s: %s', fname, strtrim(tok{1}));
end
