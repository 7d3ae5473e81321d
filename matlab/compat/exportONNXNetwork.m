function exportONNXNetwork(varargin)
%EXPORTONNXNETWORK  bigru.exportONNXNetwork under MATLAB's unqualified name; see help bigru.exportONNXNetwork.
bigru.exportONNXNetwork(varargin{:});
end
