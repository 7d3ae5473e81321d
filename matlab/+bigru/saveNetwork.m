function saveNetwork(net, file)
%SAVENETWORK  Writes a network to a model file (safetensors with its configuration).
%   bigru.saveNetwork(net, file)
%   The file is the one the bigru command line reads and writes: a network trained here is used there,
%   and the reverse. It is written to a temporary file and renamed, so it is never left half written.
fname = 'saveNetwork';
if nargin ~= 2
  error('bigru:invalidArgument', '%s: expected saveNetwork(net, file)', fname);
end
bigru.internal.checkNetwork(net, fname);
if isa(file, 'string')
  file = char(file);
end
if ~ischar(file) || isempty(file)
  error('bigru:invalidArgument', '%s: file must be a file name', fname);
end
try
  net.Java.save(file);
catch err
  bigru.internal.javaError(err, fname);
end
end
