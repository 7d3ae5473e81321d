function fail(fname, id, varargin)
%FAIL  Raises the error bigru:FNAME:ID with the message 'FNAME: ' followed by the formatted VARARGIN (internal).
error(['bigru:' fname ':' id], '%s', [fname ': ' sprintf(varargin{:})]);
end
