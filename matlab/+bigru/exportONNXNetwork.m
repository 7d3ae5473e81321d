function exportONNXNetwork(net, filename, varargin)
%EXPORTONNXNETWORK  Writes a network as an ONNX graph (opset 14) that ONNX Runtime and other tools run.
%   bigru.exportONNXNetwork(net, filename)
%   bigru.exportONNXNetwork(net, filename, 'SequenceLengths', true)
%   The graph takes x, numSequences-by-numTimeSteps-by-numFeatures (batch first; the transpose of MATLAB's
%   numFeatures-by-numTimeSteps sequences), and gives what predict gives before the softmax of a
%   classification network: scores per sequence ('last') or per time step ('sequence'). The recurrent layers
%   are ONNX GRU nodes with MATLAB's reset gate modes converted. With 'SequenceLengths' true the graph also
%   takes sequence_lens (int32, one per sequence) for right-padded sequences.
%   The file is written to a temporary file and renamed, so it is never left half written.
fname = 'exportONNXNetwork';
if nargin < 2
  error('bigru:invalidArgument', '%s: expected exportONNXNetwork(net, filename)', fname);
end
bigru.internal.checkNetwork(net, fname);
if isa(filename, 'string')
  filename = char(filename);
end
if ~ischar(filename) || isempty(filename)
  error('bigru:invalidArgument', '%s: filename must be a file name', fname);
end
opts = bigru.internal.arguments(fname, varargin);
try
  javaMethod('exportOnnx', bigru.internal.javaClass('Interchange'), net.Java, filename, opts.SequenceLengths);
catch err
  bigru.internal.javaError(err, fname);
end
end
