function saveNetwork(net, file)
%SAVENETWORK  Writes a network to a model file (safetensors with its configuration).
%   bigru.saveNetwork(net, file)
%   The file is the one the bigru command line reads and writes: a network trained here is used there,
%   and the reverse. It is written to a temporary file and renamed, so it is never left half written.
%   In Octave, which cannot save classdef objects in MAT-files, this is how a network is kept; in MATLAB,
%   save and load work too (the network's saveobj and loadobj).
fname = 'saveNetwork';
try
  if nargin ~= 2
    bigru.internal.fail(fname, 'wrongArgumentCount', 'expected saveNetwork(net, file)');
  end
  bigru.internal.checkNetwork(net, fname);
  file = bigru.internal.fileName(file, fname, 'file');
  try
    net.Java.save(file);
  catch err
    bigru.internal.javaError(err, fname, 'fileError');
  end
catch err
  bigru.internal.raise(err);
end
end
