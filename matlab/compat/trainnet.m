function varargout = trainnet(varargin)
%TRAINNET  bigru.trainnet under MATLAB's unqualified name; see help bigru.trainnet.
[varargout{1:max(nargout, 1)}] = bigru.trainnet(varargin{:});
end
